"""Giving: gifts and Gift Aid declarations, Stripe's events, receipts, and what organisers see."""
