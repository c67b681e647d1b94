"""campaigns: when a sent update was published on the public updates page.

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-30 17:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('campaigns') as batch:
        batch.add_column(sa.Column('published_at', sa.DateTime(timezone=True), nullable=True))
        batch.create_index(batch.f('ix_campaigns_published_at'), ['published_at'], unique=False)


def downgrade():
    with op.batch_alter_table('campaigns') as batch:
        batch.drop_index(batch.f('ix_campaigns_published_at'))
        batch.drop_column('published_at')
