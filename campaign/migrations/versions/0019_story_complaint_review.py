"""stories: a "reviewed, can stay published" mark bound to the text, when moderators were last alerted
about complaints, and what each complaint did (suspended, queued for a second organiser, held).

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-30 15:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('stories') as batch:
        batch.add_column(sa.Column('reviewed_hash', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('complaints_alerted_at', sa.DateTime(timezone=True), nullable=True))
        batch.create_foreign_key(
            batch.f('fk_stories_reviewed_by_id_users'), 'users', ['reviewed_by_id'], ['id'], ondelete='SET NULL'
        )
    with op.batch_alter_table('story_complaints') as batch:
        batch.add_column(sa.Column('outcome', sa.String(length=20), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('story_complaints') as batch:
        batch.drop_column('outcome')
    with op.batch_alter_table('stories') as batch:
        batch.drop_constraint(batch.f('fk_stories_reviewed_by_id_users'), type_='foreignkey')
        batch.drop_column('complaints_alerted_at')
        batch.drop_column('reviewed_at')
        batch.drop_column('reviewed_by_id')
        batch.drop_column('reviewed_hash')
