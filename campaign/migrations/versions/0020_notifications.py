"""notifications: each person's choice per kind (immediately, daily digest, off) and the items waiting for
their daily digest.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-30 17:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'notification_preferences',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('choice', sa.String(length=20), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['user_id'], ['users.id'], name=op.f('fk_notification_preferences_user_id_users'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_notification_preferences')),
        sa.UniqueConstraint('user_id', 'kind', name=op.f('uq_notification_preferences_user_id')),
    )
    op.create_table(
        'notification_digest_items',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('summary', sa.String(length=500), nullable=False),
        sa.Column('link', sa.String(length=1000), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ['user_id'], ['users.id'], name=op.f('fk_notification_digest_items_user_id_users'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_notification_digest_items')),
    )
    op.create_index(
        'ix_notification_digest_items_waiting', 'notification_digest_items', ['user_id', 'sent_at'], unique=False
    )


def downgrade():
    op.drop_index('ix_notification_digest_items_waiting', table_name='notification_digest_items')
    op.drop_table('notification_digest_items')
    op.drop_table('notification_preferences')
