"""membership_applications: the account asked to confirm an approved application whose address already
had an account, and when it answered (states awaiting_holder and holder_declined fit the existing column)

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 14:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('membership_applications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('account_holder_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('holder_answered_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_membership_applications_account_holder_id_users'),
            'users', ['account_holder_id'], ['id'], ondelete='SET NULL',
        )


def downgrade():
    with op.batch_alter_table('membership_applications', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_membership_applications_account_holder_id_users'), type_='foreignkey')
        batch_op.drop_column('holder_answered_at')
        batch_op.drop_column('account_holder_id')
