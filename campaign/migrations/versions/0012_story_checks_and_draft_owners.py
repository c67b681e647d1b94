"""stories: the check's runs and failure, what the storyteller's own check showed; drafts: the browser
that may write to them

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scan_attempts', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('scan_failed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('checked_findings_shown', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('checked_then_changed', sa.Boolean(), nullable=True))
    with op.batch_alter_table('story_drafts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('browser_hash', sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table('story_drafts', schema=None) as batch_op:
        batch_op.drop_column('browser_hash')
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.drop_column('checked_then_changed')
        batch_op.drop_column('checked_findings_shown')
        batch_op.drop_column('scan_failed_at')
        batch_op.drop_column('scan_attempts')
