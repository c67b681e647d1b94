"""signatures: region recomputed by postcode district for the districts whose nation or region differs
from their postcode area's (SY23 Aberystwyth is Wales, TD15 Berwick is England, KT22 is the South East...)

The mapping is frozen here as it was when the district table (campaign/data/postcode_districts.csv) was
introduced, so the migration does the same thing however the table changes later. Counts by region are
cached for the roll-up interval only, so they follow within seconds.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 13:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

# (district, region by district, region by area as before)
CHANGED = [
    ('BH24', 'south-east', 'south-west'),
    ('BH25', 'south-east', 'south-west'),
    ('BR8', 'south-east', 'london'),
    ('CH5', 'wales', 'north-west'),
    ('CH6', 'wales', 'north-west'),
    ('CH7', 'wales', 'north-west'),
    ('CH8', 'wales', 'north-west'),
    ('CR3', 'south-east', 'london'),
    ('CR6', 'south-east', 'london'),
    ('CV13', 'east-midlands', 'west-midlands'),
    ('DA14', 'london', 'south-east'),
    ('DA15', 'london', 'south-east'),
    ('DA16', 'london', 'south-east'),
    ('DA17', 'london', 'south-east'),
    ('DA18', 'london', 'south-east'),
    ('DA5', 'london', 'south-east'),
    ('DA6', 'london', 'south-east'),
    ('DA7', 'london', 'south-east'),
    ('DA8', 'london', 'south-east'),
    ('DE13', 'west-midlands', 'east-midlands'),
    ('DE14', 'west-midlands', 'east-midlands'),
    ('DE15', 'west-midlands', 'east-midlands'),
    ('DL10', 'yorkshire-and-the-humber', 'north-east'),
    ('DL6', 'yorkshire-and-the-humber', 'north-east'),
    ('DL7', 'yorkshire-and-the-humber', 'north-east'),
    ('DL8', 'yorkshire-and-the-humber', 'north-east'),
    ('DL9', 'yorkshire-and-the-humber', 'north-east'),
    ('DN21', 'east-midlands', 'yorkshire-and-the-humber'),
    ('DN22', 'east-midlands', 'yorkshire-and-the-humber'),
    ('EN10', 'east-of-england', 'london'),
    ('EN11', 'east-of-england', 'london'),
    ('EN6', 'east-of-england', 'london'),
    ('EN7', 'east-of-england', 'london'),
    ('EN8', 'east-of-england', 'london'),
    ('EN9', 'east-of-england', 'london'),
    ('HP10', 'south-east', 'east-of-england'),
    ('HP11', 'south-east', 'east-of-england'),
    ('HP12', 'south-east', 'east-of-england'),
    ('HP13', 'south-east', 'east-of-england'),
    ('HP14', 'south-east', 'east-of-england'),
    ('HP15', 'south-east', 'east-of-england'),
    ('HP16', 'south-east', 'east-of-england'),
    ('HP17', 'south-east', 'east-of-england'),
    ('HP18', 'south-east', 'east-of-england'),
    ('HP19', 'south-east', 'east-of-england'),
    ('HP20', 'south-east', 'east-of-england'),
    ('HP21', 'south-east', 'east-of-england'),
    ('HP22', 'south-east', 'east-of-england'),
    ('HP27', 'south-east', 'east-of-england'),
    ('HP5', 'south-east', 'east-of-england'),
    ('HP6', 'south-east', 'east-of-england'),
    ('HP7', 'south-east', 'east-of-england'),
    ('HP8', 'south-east', 'east-of-england'),
    ('HP9', 'south-east', 'east-of-england'),
    ('IG10', 'east-of-england', 'london'),
    ('IG7', 'east-of-england', 'london'),
    ('IG9', 'east-of-england', 'london'),
    ('KT10', 'south-east', 'london'),
    ('KT11', 'south-east', 'london'),
    ('KT12', 'south-east', 'london'),
    ('KT13', 'south-east', 'london'),
    ('KT14', 'south-east', 'london'),
    ('KT15', 'south-east', 'london'),
    ('KT16', 'south-east', 'london'),
    ('KT17', 'south-east', 'london'),
    ('KT18', 'south-east', 'london'),
    ('KT19', 'south-east', 'london'),
    ('KT20', 'south-east', 'london'),
    ('KT21', 'south-east', 'london'),
    ('KT22', 'south-east', 'london'),
    ('KT23', 'south-east', 'london'),
    ('KT24', 'south-east', 'london'),
    ('KT7', 'south-east', 'london'),
    ('KT8', 'south-east', 'london'),
    ('MK40', 'east-of-england', 'south-east'),
    ('MK41', 'east-of-england', 'south-east'),
    ('MK42', 'east-of-england', 'south-east'),
    ('MK43', 'east-of-england', 'south-east'),
    ('MK44', 'east-of-england', 'south-east'),
    ('MK45', 'east-of-england', 'south-east'),
    ('OL14', 'yorkshire-and-the-humber', 'north-west'),
    ('PE10', 'east-midlands', 'east-of-england'),
    ('PE11', 'east-midlands', 'east-of-england'),
    ('PE12', 'east-midlands', 'east-of-england'),
    ('PE20', 'east-midlands', 'east-of-england'),
    ('PE21', 'east-midlands', 'east-of-england'),
    ('PE22', 'east-midlands', 'east-of-england'),
    ('PE23', 'east-midlands', 'east-of-england'),
    ('PE24', 'east-midlands', 'east-of-england'),
    ('PE25', 'east-midlands', 'east-of-england'),
    ('PE9', 'east-midlands', 'east-of-england'),
    ('RM15', 'east-of-england', 'london'),
    ('RM16', 'east-of-england', 'london'),
    ('RM17', 'east-of-england', 'london'),
    ('RM18', 'east-of-england', 'london'),
    ('RM19', 'east-of-england', 'london'),
    ('RM20', 'east-of-england', 'london'),
    ('S18', 'east-midlands', 'yorkshire-and-the-humber'),
    ('S21', 'east-midlands', 'yorkshire-and-the-humber'),
    ('S32', 'east-midlands', 'yorkshire-and-the-humber'),
    ('S33', 'east-midlands', 'yorkshire-and-the-humber'),
    ('S40', 'east-midlands', 'yorkshire-and-the-humber'),
    ('S41', 'east-midlands', 'yorkshire-and-the-humber'),
    ('S42', 'east-midlands', 'yorkshire-and-the-humber'),
    ('S43', 'east-midlands', 'yorkshire-and-the-humber'),
    ('S44', 'east-midlands', 'yorkshire-and-the-humber'),
    ('S45', 'east-midlands', 'yorkshire-and-the-humber'),
    ('S49', 'east-midlands', 'yorkshire-and-the-humber'),
    ('S80', 'east-midlands', 'yorkshire-and-the-humber'),
    ('S81', 'east-midlands', 'yorkshire-and-the-humber'),
    ('SK13', 'east-midlands', 'north-west'),
    ('SK17', 'east-midlands', 'north-west'),
    ('SK22', 'east-midlands', 'north-west'),
    ('SK23', 'east-midlands', 'north-west'),
    ('SM7', 'south-east', 'london'),
    ('SN7', 'south-east', 'south-west'),
    ('SP10', 'south-east', 'south-west'),
    ('SP11', 'south-east', 'south-west'),
    ('SP6', 'south-east', 'south-west'),
    ('SY14', 'north-west', 'west-midlands'),
    ('SY15', 'wales', 'west-midlands'),
    ('SY16', 'wales', 'west-midlands'),
    ('SY17', 'wales', 'west-midlands'),
    ('SY18', 'wales', 'west-midlands'),
    ('SY19', 'wales', 'west-midlands'),
    ('SY20', 'wales', 'west-midlands'),
    ('SY21', 'wales', 'west-midlands'),
    ('SY22', 'wales', 'west-midlands'),
    ('SY23', 'wales', 'west-midlands'),
    ('SY24', 'wales', 'west-midlands'),
    ('SY25', 'wales', 'west-midlands'),
    ('TD15', 'north-east', 'scotland'),
    ('TS9', 'yorkshire-and-the-humber', 'north-east'),
    ('TW15', 'south-east', 'london'),
    ('TW16', 'south-east', 'london'),
    ('TW17', 'south-east', 'london'),
    ('TW18', 'south-east', 'london'),
    ('TW19', 'south-east', 'london'),
    ('TW20', 'south-east', 'london'),
]


def _set_regions(pairs):
    """One UPDATE per region (a dozen scans of the table, not one per district): signatures has no index on
    postcode. Signatures whose postcode was emptied by anonymisation keep the region they had."""
    signatures = sa.table('signatures', sa.column('postcode', sa.String), sa.column('region', sa.String))
    by_region = {}
    for district, region in pairs:
        by_region.setdefault(region, []).append(district)
    for region, districts in sorted(by_region.items()):
        op.execute(
            signatures.update()
            .where(sa.or_(*(signatures.c.postcode.like(district + ' %') for district in districts)))
            .values(region=region)
        )


def upgrade():
    _set_regions((district, new) for district, new, _ in CHANGED)


def downgrade():
    _set_regions((district, old) for district, _, old in CHANGED)
