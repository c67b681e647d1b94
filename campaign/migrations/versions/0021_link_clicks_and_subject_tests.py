"""outreach: our own per-link click counts (campaign_links, and who clicked only where a campaign tracks
engagement), and subject-line A/B tests (a second subject, sample share, wait, criterion, winner; each
recipient's and batch's test group and the subject variant a batch carries).

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-30 17:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('campaigns') as batch:
        batch.add_column(sa.Column('subject_b', sa.String(length=200), nullable=False, server_default=''))
        batch.add_column(sa.Column('test_percent', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('test_wait_hours', sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column('test_criterion', sa.String(length=10), nullable=False, server_default='clicks')
        )
        batch.add_column(sa.Column('test_decide_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('test_winner', sa.String(length=1), nullable=False, server_default=''))
        batch.add_column(sa.Column('test_reason', sa.Text(), nullable=False, server_default=''))
    with op.batch_alter_table('campaign_recipients') as batch:
        batch.add_column(sa.Column('test_group', sa.String(length=4), nullable=False, server_default=''))
    with op.batch_alter_table('campaign_batches') as batch:
        batch.add_column(sa.Column('test_group', sa.String(length=4), nullable=False, server_default=''))
        batch.add_column(sa.Column('variant', sa.String(length=1), nullable=False, server_default=''))
    op.create_table(
        'campaign_links',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('campaign_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('url', sa.Text(), nullable=False),
        sa.Column('clicks_a', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('clicks_b', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('ignored', sa.Integer(), nullable=False, server_default='0'),
        sa.ForeignKeyConstraint(
            ['campaign_id'], ['campaigns.id'], name=op.f('fk_campaign_links_campaign_id_campaigns'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign_links')),
        sa.UniqueConstraint('campaign_id', 'number', name=op.f('uq_campaign_links_campaign_id')),
    )
    op.create_index(op.f('ix_campaign_links_campaign_id'), 'campaign_links', ['campaign_id'])
    op.create_table(
        'campaign_link_clickers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('link_id', sa.Integer(), nullable=False),
        sa.Column('recipient_id', sa.Integer(), nullable=False),
        sa.Column('variant', sa.String(length=1), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['link_id'], ['campaign_links.id'], name=op.f('fk_campaign_link_clickers_link_id_campaign_links'),
            ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['recipient_id'], ['campaign_recipients.id'],
            name=op.f('fk_campaign_link_clickers_recipient_id_campaign_recipients'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign_link_clickers')),
        sa.UniqueConstraint('link_id', 'recipient_id', name=op.f('uq_campaign_link_clickers_link_id')),
    )


def downgrade():
    op.drop_table('campaign_link_clickers')
    op.drop_index(op.f('ix_campaign_links_campaign_id'), table_name='campaign_links')
    op.drop_table('campaign_links')
    with op.batch_alter_table('campaign_batches') as batch:
        batch.drop_column('variant')
        batch.drop_column('test_group')
    with op.batch_alter_table('campaign_recipients') as batch:
        batch.drop_column('test_group')
    with op.batch_alter_table('campaigns') as batch:
        for column in (
            'test_reason', 'test_winner', 'test_decide_at', 'test_criterion', 'test_wait_hours', 'test_percent',
            'subject_b',
        ):
            batch.drop_column(column)
