"""signatures and donations: the "email me updates" wording shown, its version and when it was answered;
campaigns: whether open and click tracking is on

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-14 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    # Nullable without a default: on PostgreSQL adding them rewrites nothing, however many signatures exist.
    for table in ('signatures', 'donations'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('opt_in_wording', sa.Text(), nullable=True))
            batch_op.add_column(sa.Column('opt_in_version', sa.String(length=20), nullable=True))
            batch_op.add_column(sa.Column('opt_in_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('campaigns', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('track_engagement', sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table('campaigns', schema=None) as batch_op:
        batch_op.drop_column('track_engagement')
    for table in ('donations', 'signatures'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('opt_in_at')
            batch_op.drop_column('opt_in_version')
            batch_op.drop_column('opt_in_wording')
