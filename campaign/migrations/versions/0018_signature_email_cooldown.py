"""signatures: when the signer was last emailed from the sign or resend form (the per-address cooldown)

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-30 14:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('signatures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_emailed_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('signatures', schema=None) as batch_op:
        batch_op.drop_column('last_emailed_at')
