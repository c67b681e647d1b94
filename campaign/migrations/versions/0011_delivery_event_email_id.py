"""delivery events: the transactional email they are about, to reconcile emails left "sending"

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('delivery_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_id', sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f('ix_delivery_events_email_id'), ['email_id'], unique=False)


def downgrade():
    with op.batch_alter_table('delivery_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_delivery_events_email_id'))
        batch_op.drop_column('email_id')
