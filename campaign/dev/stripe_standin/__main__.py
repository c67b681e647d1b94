"""``python -m campaign.dev.stripe_standin --port 5100 --webhook-url http://127.0.0.1:5000/webhooks/stripe``"""

import sys

from .process import main

sys.exit(main())
