"""campaign_decisions: what an organiser chose to do about batches whose outcome was unknown after their
worker died mid-send (send them again, skip them, or cancel), and who chose it.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 14:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('campaign_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('choice', sa.String(length=20), nullable=False),
    sa.Column('batches', sa.Integer(), nullable=False),
    sa.Column('people', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_campaign_decisions_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_campaign_decisions_decided_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign_decisions'))
    )
    with op.batch_alter_table('campaign_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_decisions_campaign_id'), ['campaign_id'], unique=False)


def downgrade():
    with op.batch_alter_table('campaign_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_decisions_campaign_id'))

    op.drop_table('campaign_decisions')
