"""Invoices: a subscription's first and later invoices, as Stripe builds them, paid or not."""

from __future__ import annotations

from .common import SharedState, format_money, listing, new_id


class InvoicesMixin(SharedState):
    """Invoices and invoice payments for ``StripeAPI``'s subscriptions."""

    def _invoice(self, sub_id: str, reason: str, paid: bool, period: tuple[int, int] | None = None):
        """An invoice for the subscription's current item periods; with its InvoicePayment when paid.
        As Stripe does, the first invoice's period_start == period_end (nothing billed in arrears) and
        a cycle invoice's period is the one just ended; the lines carry the period being paid for."""
        sub = self.subscriptions[sub_id]
        customer = self.customers[sub["customer"]]
        in_id = new_id("in_1", 23)
        created = self.now
        lines, total = [], 0
        for item in sub["items"]["data"]:
            price = item["price"]
            amount = price["unit_amount"] * item["quantity"]
            total += amount
            product = self.products.get(price["product"], {}).get("name", "Donation")
            lines.append(
                {
                    "id": new_id("il_", 24),
                    "object": "line_item",
                    "amount": amount,
                    "currency": price["currency"],
                    "description": f"{item['quantity']} × {product} (at {format_money(price['unit_amount'], price['currency'])}"
                    f" / {price['recurring']['interval']})",
                    "discount_amounts": [],
                    "discountable": True,
                    "discounts": [],
                    "invoice": in_id,
                    "livemode": False,
                    "metadata": dict(sub["metadata"]),
                    "parent": {
                        "type": "subscription_item_details",
                        "invoice_item_details": None,
                        "subscription_item_details": {
                            "invoice_item": None,
                            "proration": False,
                            "proration_details": {"credited_items": None},
                            "subscription": sub_id,
                            "subscription_item": item["id"],
                        },
                    },
                    "period": {"end": item["current_period_end"], "start": item["current_period_start"]},
                    "pretax_credit_amounts": [],
                    "pricing": {
                        "price_details": {"price": price["id"], "product": price["product"]},
                        "type": "price_details",
                        "unit_amount_decimal": price["unit_amount_decimal"],
                    },
                    "quantity": item["quantity"],
                    "subtotal": amount,
                    "taxes": [],
                }
            )
        period_start, period_end = period or (created, created)
        pi = self._payment(
            total,
            sub["currency"],
            sub["customer"],
            {},
            "Subscription creation" if reason == "subscription_create" else "Subscription update",
            customer["email"],
            customer["name"],
            "succeeded" if paid else "failed",
        )
        invoice = {
            "id": in_id,
            "object": "invoice",
            "account_country": "GB",
            "account_name": "Campaign (test)",
            "account_tax_ids": None,
            "amount_due": total,
            "amount_overpaid": 0,
            "amount_paid": total if paid else 0,
            "amount_remaining": 0 if paid else total,
            "amount_shipping": 0,
            "application": None,
            "attempt_count": 1,
            "attempted": True,
            "auto_advance": not paid,
            "automatic_tax": {
                "disabled_reason": None,
                "enabled": False,
                "liability": None,
                "provider": None,
                "status": None,
            },
            "automatically_finalizes_at": None,
            "billing_reason": reason,
            "collection_method": "charge_automatically",
            "created": created,
            "currency": sub["currency"],
            "custom_fields": None,
            "customer": sub["customer"],
            "customer_account": None,
            "customer_address": None,
            "customer_email": customer["email"],
            "customer_name": customer["name"],
            "customer_phone": None,
            "customer_shipping": None,
            "customer_tax_exempt": "none",
            "customer_tax_ids": [],
            "default_payment_method": None,
            "default_source": None,
            "default_tax_rates": [],
            "description": None,
            "discounts": [],
            "due_date": None,
            "effective_at": created,
            "ending_balance": 0,
            "footer": None,
            "from_invoice": None,
            "hosted_invoice_url": f"https://invoice.stripe.com/i/acct_fake/test_{new_id('', 40)}",
            "invoice_pdf": f"https://pay.stripe.com/invoice/acct_fake/test_{new_id('', 40)}/pdf",
            "issuer": {"type": "self"},
            "last_finalization_error": None,
            "latest_revision": None,
            "lines": listing(lines, f"/v1/invoices/{in_id}/lines"),
            "livemode": False,
            "metadata": {},
            "next_payment_attempt": None if paid else created + 3 * 86400,
            "number": f"{customer['invoice_prefix']}-{len(self.invoices) + 1:04d}",
            "on_behalf_of": None,
            "parent": {
                "quote_details": None,
                "subscription_details": {"metadata": dict(sub["metadata"]), "subscription": sub_id},
                "type": "subscription_details",
            },
            "payment_settings": {
                "default_mandate": None,
                "payment_method_options": None,
                "payment_method_types": None,
            },
            "period_end": period_end,
            "period_start": period_start,
            "post_payment_credit_notes_amount": 0,
            "pre_payment_credit_notes_amount": 0,
            "receipt_number": None,
            "rendering": None,
            "shipping_cost": None,
            "shipping_details": None,
            "starting_balance": 0,
            "statement_descriptor": None,
            "status": "paid" if paid else "open",
            "status_details": None,
            "status_transitions": {
                "finalized_at": created,
                "marked_uncollectible_at": None,
                "paid_at": created if paid else None,
                "voided_at": None,
            },
            "subtotal": total,
            "subtotal_excluding_tax": total,
            "test_clock": None,
            "total": total,
            "total_discount_amounts": [],
            "total_excluding_tax": total,
            "total_pretax_credit_amounts": [],
            "total_taxes": [],
            "webhooks_delivered_at": created,
        }
        self.invoices[in_id] = invoice
        self._invoice_pi[in_id] = pi["id"]
        inpay = None
        if paid:
            inpay_id = new_id("inpay_1", 23)
            inpay = {
                "id": inpay_id,
                "object": "invoice_payment",
                "amount_paid": total,
                "amount_requested": total,
                "created": created,
                "currency": sub["currency"],
                "invoice": in_id,
                "is_default": True,
                "livemode": False,
                "payment": {"payment_intent": pi["id"], "type": "payment_intent"},
                "status": "paid",
                "status_transitions": {"canceled_at": None, "paid_at": created},
            }
            self.invoice_payments[inpay_id] = inpay
        return invoice, inpay

    def invoice_payment_intent(self, invoice_id: str) -> str:
        """The PaymentIntent that paid (or failed to pay) an invoice, for ``refund``/``dispute``."""
        return self._invoice_pi[invoice_id]
