"""Organisers' bulk email: campaigns, audiences, sending in batches, subscriptions and delivery events."""
