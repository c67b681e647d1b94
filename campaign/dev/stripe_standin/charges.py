"""Payments: PaymentIntents and their Charges, refunds and disputes."""

from __future__ import annotations

import copy

from .common import DISPUTE_STATUSES, SharedState, diff, new_id


class ChargesMixin(SharedState):
    """PaymentIntents, Charges, refunds and disputes on ``StripeAPI``'s state."""

    def _payment(
        self,
        amount: int,
        currency: str,
        customer: str | None,
        metadata: dict,
        description: str | None,
        email: str | None,
        name: str | None,
        status: str,
    ) -> dict:
        """A PaymentIntent and its Charge; status is succeeded, processing or failed."""
        pi_id, ch_id = new_id("pi_3", 23), new_id("ch_3", 23)
        paid = status == "succeeded"
        method_type = "card" if status != "processing" else "bacs_debit"
        self.charges[ch_id] = {
            "id": ch_id,
            "object": "charge",
            "amount": amount,
            "amount_captured": amount if paid else 0,
            "amount_refunded": 0,
            "application": None,
            "application_fee": None,
            "application_fee_amount": None,
            "balance_transaction": new_id("txn_3", 23) if paid else None,
            "billing_details": {
                "address": {
                    "city": None,
                    "country": "GB",
                    "line1": None,
                    "line2": None,
                    "postal_code": "N1 9GU",
                    "state": None,
                },
                "email": email,
                "name": name,
                "phone": None,
                "tax_id": None,
            },
            "calculated_statement_descriptor": "CAMPAIGN",
            "captured": paid,
            "created": self.now,
            "currency": currency,
            "customer": customer,
            "description": description,
            "disputed": False,
            "failure_balance_transaction": None,
            "failure_code": "card_declined" if status == "failed" else None,
            "failure_message": "Your card was declined." if status == "failed" else None,
            "fraud_details": {},
            "livemode": False,
            "metadata": dict(metadata),
            "on_behalf_of": None,
            "outcome": {
                "network_status": "approved_by_network" if status != "failed" else "declined_by_network",
                "reason": None,
                "risk_level": "normal",
                "seller_message": "Payment complete.",
                "type": "authorized" if status != "failed" else "issuer_declined",
            },
            "paid": paid,
            "payment_intent": pi_id,
            "payment_method": new_id("pm_1", 23),
            "payment_method_details": {"type": method_type, method_type: {}},
            "receipt_email": email,
            "receipt_number": None,
            "receipt_url": f"https://pay.stripe.com/receipts/payment/{new_id('', 40)}",
            "refunded": False,
            "review": None,
            "shipping": None,
            "source": None,
            "source_transfer": None,
            "statement_descriptor": None,
            "statement_descriptor_suffix": None,
            "status": {"succeeded": "succeeded", "processing": "pending", "failed": "failed"}[status],
            "transfer_data": None,
            "transfer_group": None,
        }
        self.payment_intents[pi_id] = {
            "id": pi_id,
            "object": "payment_intent",
            "amount": amount,
            "amount_capturable": 0,
            "amount_received": amount if paid else 0,
            "application": None,
            "canceled_at": None,
            "cancellation_reason": None,
            "capture_method": "automatic_async",
            "client_secret": None,
            "confirmation_method": "automatic",
            "created": self.now,
            "currency": currency,
            "customer": customer,
            "description": description,
            "last_payment_error": None,
            "latest_charge": ch_id,
            "livemode": False,
            "metadata": dict(metadata),
            "payment_method": self.charges[ch_id]["payment_method"],
            "payment_method_types": [method_type],
            "receipt_email": email,
            "status": {
                "succeeded": "succeeded",
                "processing": "processing",
                "failed": "requires_payment_method",
            }[status],
        }
        return self.payment_intents[pi_id]

    def _charge_of(self, payment_intent_id: str) -> dict:
        if payment_intent_id not in self.payment_intents:
            raise KeyError(f"no PaymentIntent {payment_intent_id}")
        return self.charges[self.payment_intents[payment_intent_id]["latest_charge"]]

    def refund(self, payment_intent_id: str, amount: int | None = None) -> list[dict]:
        """A refund (from the Dashboard or API): [charge.refunded] with the cumulative
        ``amount_refunded``, ``refunded`` true once all of it is back, and previous_attributes."""
        with self.lock:
            charge = self._charge_of(payment_intent_id)
            if charge["status"] != "succeeded":
                raise ValueError(
                    f"charge {charge['id']} is {charge['status']}; only succeeded charges refund"
                )
            remaining = charge["amount"] - charge["amount_refunded"]
            amount = remaining if amount is None else amount
            if not 0 < amount <= remaining:
                raise ValueError(f"refund of {amount} exceeds the {remaining} left on {charge['id']}")
            before = copy.deepcopy(charge)
            refund_id = new_id("re_3", 23)
            self._tick()
            self.refunds[refund_id] = {
                "id": refund_id,
                "object": "refund",
                "amount": amount,
                "charge": charge["id"],
                "created": self.now,
                "currency": charge["currency"],
                "metadata": {},
                "payment_intent": payment_intent_id,
                "reason": None,
                "status": "succeeded",
            }
            charge["amount_refunded"] += amount
            charge["refunded"] = charge["amount_refunded"] == charge["amount"]
            return [self._event("charge.refunded", charge, diff(before, charge))]

    def dispute(
        self, payment_intent_id: str, status: str = "needs_response", reason: str = "fraudulent"
    ) -> list[dict]:
        """The cardholder disputes the payment: [charge.dispute.created]; the dispute's id is
        ``events[0]["data"]["object"]["id"]``."""
        if status not in DISPUTE_STATUSES:
            raise ValueError(f"dispute status must be one of {sorted(DISPUTE_STATUSES)}")
        with self.lock:
            charge = self._charge_of(payment_intent_id)
            dispute_id = new_id("dp_1", 23)
            created = self._tick()
            charge["disputed"] = True
            dispute = {
                "id": dispute_id,
                "object": "dispute",
                "amount": charge["amount"] - charge["amount_refunded"],
                "balance_transactions": [],
                "charge": charge["id"],
                "created": created,
                "currency": charge["currency"],
                "enhanced_eligibility_types": [],
                "evidence": {},
                "evidence_details": {
                    "due_by": created + 7 * 86400,
                    "enhanced_eligibility": {},
                    "has_evidence": False,
                    "past_due": False,
                    "submission_count": 0,
                },
                "is_charge_refundable": False,
                "livemode": False,
                "metadata": {},
                "network_reason_code": None,
                "payment_intent": payment_intent_id,
                "payment_method_details": {
                    "card": {"brand": "visa", "case_type": "chargeback", "network_reason_code": "10.4"},
                    "type": "card",
                },
                "reason": reason,
                "status": status,
            }
            self.disputes[dispute_id] = dispute
            return [self._event("charge.dispute.created", dispute)]

    def close_dispute(self, dispute_id: str, won: bool) -> list[dict]:
        """[charge.dispute.closed] with status "won" or "lost"."""
        with self.lock:
            dispute = self.disputes[dispute_id]
            before = copy.deepcopy(dispute)
            dispute["status"] = "won" if won else "lost"
            return [self._event("charge.dispute.closed", dispute, diff(before, dispute))]
