"""login sessions: remember flag, coarse address and revocation, for idle and absolute lifetimes and the
signed-in devices page (issue 15). Existing rows become ordinary sessions, so they run out on the shorter
lifetimes.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30 14:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('address', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('remember', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('revoked_reason', sa.String(length=20), nullable=False, server_default=''))


def downgrade():
    # Revoked rows would count as signed in again without their column.
    op.execute("DELETE FROM login_sessions WHERE revoked_at IS NOT NULL")
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.drop_column('revoked_reason')
        batch_op.drop_column('revoked_at')
        batch_op.drop_column('remember')
        batch_op.drop_column('address')
