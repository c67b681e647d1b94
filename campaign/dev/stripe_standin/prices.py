"""Line items and prices: those passed inline with ``price_data`` and those made in the Dashboard."""

from __future__ import annotations

import copy
import re

from .common import (
    MAX_INTERVAL_COUNT,
    MAXIMUM_AMOUNT,
    MINIMUM_CHARGE,
    SharedState,
    StripeAPIError,
    check_metadata,
    format_money,
    missing,
    new_id,
)


class PricesMixin(SharedState):
    """Line items checked as Stripe checks them, and the prices and products they make."""

    def _check_line_items(self, params: dict, mode: str) -> list[dict]:
        items = params.get("line_items")
        if mode == "setup":
            if items:
                raise StripeAPIError("You can not pass `line_items` in `setup` mode.", "line_items")
            return []
        if not items:
            raise StripeAPIError(f"`line_items` is required in `{mode}` mode.", "line_items")
        if len(items) > (100 if mode == "payment" else 20):
            raise StripeAPIError(
                f"Too many line items: at most {100 if mode == 'payment' else 20} in `{mode}` mode.",
                "line_items",
            )
        lines, currency, recurring_seen = [], None, None
        for i, item in enumerate(items):
            where = f"line_items[{i}]"
            if "price" in item and "price_data" in item:
                raise StripeAPIError(
                    f"You may only specify one of these parameters: {where}[price], {where}[price_data].",
                    f"{where}[price_data]",
                )
            if "price" in item:
                if item["price"] not in self.prices:
                    raise missing("price", item["price"], f"{where}[price]")
                price = self.prices[item["price"]]
                if not price["active"]:
                    raise StripeAPIError(
                        "The price specified is inactive. This field only accepts active prices.",
                        f"{where}[price]",
                    )
            elif "price_data" in item:
                price = self._inline_price(item["price_data"], f"{where}[price_data]")
            else:
                raise StripeAPIError(f"You must specify either `price` or `price_data` in {where}.", where)
            if "quantity" not in item:
                raise StripeAPIError(
                    f"Quantity is required. Add `quantity` to `{where}`", f"{where}[quantity]"
                )
            if item["quantity"] < 1:
                raise StripeAPIError("This value must be greater than or equal to 1.", f"{where}[quantity]")
            if item["quantity"] > 999999:
                raise StripeAPIError("This value must be less than or equal to 999999.", f"{where}[quantity]")
            money = f"{where}[price_data][unit_amount]" if "price_data" in item else f"{where}[price]"
            amount, cur = price["unit_amount"], price["currency"]
            if mode == "payment" and cur in MINIMUM_CHARGE and amount < MINIMUM_CHARGE[cur]:
                raise StripeAPIError(
                    f"Amount must be at least {format_money(MINIMUM_CHARGE[cur], cur)}", money
                )
            if amount > MAXIMUM_AMOUNT:
                raise StripeAPIError(
                    f"This value must be less than or equal to {MAXIMUM_AMOUNT} (it currently "
                    f"is '{amount}').",
                    money,
                )
            if currency is not None and cur != currency:
                raise StripeAPIError(
                    "All line items must be in the same currency.", f"{where}[price_data][currency]"
                )
            currency = cur
            recurring = price.get("recurring")
            if mode == "payment" and recurring:
                raise StripeAPIError(
                    "You specified `payment` mode but passed a recurring price. Either switch to "
                    "`subscription` mode or use only one-time prices.",
                    f"{where}[price_data][recurring]" if "price_data" in item else f"{where}[price]",
                )
            if mode == "subscription":
                if not recurring:
                    raise StripeAPIError(
                        "You specified `subscription` mode but passed a one-time price. Every line item "
                        "must have a recurring price.",
                        f"{where}[price_data][recurring]" if "price_data" in item else f"{where}[price]",
                    )
                if amount < (MINIMUM_CHARGE.get(cur) or 0):
                    raise StripeAPIError(
                        f"Amount must be at least {format_money(MINIMUM_CHARGE[cur], cur)}", money
                    )
                shape = (recurring["interval"], recurring["interval_count"])
                if recurring_seen is not None and shape != recurring_seen:
                    raise StripeAPIError(
                        "All prices on a subscription must have the same "
                        "`recurring.interval` and `recurring.interval_count`.",
                        f"{where}[price_data][recurring]",
                    )
                recurring_seen = shape
            lines.append({"price": price, "quantity": item["quantity"]})
        return lines

    def _inline_price(self, data: dict, where: str) -> dict:
        currency = data["currency"]
        if not re.fullmatch(r"[a-z]{3}", currency) or currency not in MINIMUM_CHARGE:
            raise StripeAPIError(
                f"Invalid currency: {currency}. Stripe currently supports these currencies: "
                f"{', '.join(sorted(MINIMUM_CHARGE))}",
                f"{where}[currency]",
            )
        if "unit_amount" in data and "unit_amount_decimal" in data:
            raise StripeAPIError(
                f"You may only specify one of these parameters: {where}[unit_amount], "
                f"{where}[unit_amount_decimal].",
                f"{where}[unit_amount_decimal]",
            )
        if "unit_amount" in data:
            amount = data["unit_amount"]
        elif "unit_amount_decimal" in data:
            if "." in data["unit_amount_decimal"]:
                raise StripeAPIError(
                    "The fake supports only whole-unit `unit_amount_decimal`.",
                    f"{where}[unit_amount_decimal]",
                )
            amount = int(data["unit_amount_decimal"])
        else:
            raise StripeAPIError(f"Missing required param: {where}[unit_amount].", f"{where}[unit_amount]")
        if amount < 0:
            raise StripeAPIError("This value must be greater than or equal to 0.", f"{where}[unit_amount]")
        if "product" in data and "product_data" in data:
            raise StripeAPIError(
                f"You may only specify one of these parameters: {where}[product], {where}[product_data].",
                f"{where}[product_data]",
            )
        if "product" in data:
            if data["product"] not in self.products:
                raise missing("product", data["product"], f"{where}[product]")
            product_id = data["product"]
        elif "product_data" in data:
            product = data["product_data"]
            if not product.get("name"):
                raise StripeAPIError(
                    f"Missing required param: {where}[product_data][name].", f"{where}[product_data][name]"
                )
            check_metadata(product.get("metadata"), f"{where}[product_data][metadata]")
            product_id = None
        else:
            raise StripeAPIError(f"You must specify either `product` or `product_data` in {where}.", where)
        recurring = data.get("recurring")
        if recurring:
            count = recurring.get("interval_count", 1)
            if not 1 <= count <= MAX_INTERVAL_COUNT[recurring["interval"]]:
                raise StripeAPIError(
                    "The maximum billing interval is 3 years (3 years, 36 months, or 156 weeks).",
                    f"{where}[recurring][interval_count]",
                )
            recurring = {
                "interval": recurring["interval"],
                "interval_count": count,
                "meter": None,
                "trial_period_days": None,
                "usage_type": "licensed",
            }
        if product_id is None:
            product_id = new_id("prod_", 14)
            self.products[product_id] = {
                "id": product_id,
                "object": "product",
                "active": False,
                "created": self.now,
                "description": data["product_data"].get("description"),
                "livemode": False,
                "metadata": data["product_data"].get("metadata") or {},
                "name": data["product_data"]["name"],
            }
        return self._price(product_id, amount, currency, recurring, active=False)

    def _price(self, product_id, amount, currency, recurring, active) -> dict:
        price_id = new_id("price_", 24)
        return {
            "id": price_id,
            "object": "price",
            "active": active,
            "billing_scheme": "per_unit",
            "created": self.now,
            "currency": currency,
            "custom_unit_amount": None,
            "livemode": False,
            "lookup_key": None,
            "metadata": {},
            "nickname": None,
            "product": product_id,
            "recurring": recurring,
            "tax_behavior": "unspecified",
            "tiers_mode": None,
            "transform_quantity": None,
            "type": "recurring" if recurring else "one_time",
            "unit_amount": amount,
            "unit_amount_decimal": str(amount),
        }

    def create_price(
        self, unit_amount: int, currency: str = "gbp", interval: str | None = None, name: str = "Donation"
    ) -> str:
        """A Price made in the Dashboard, for line items that pass ``price``; returns its id."""
        with self.lock:
            product_id = new_id("prod_", 14)
            self.products[product_id] = {
                "id": product_id,
                "object": "product",
                "active": True,
                "created": self.now,
                "livemode": False,
                "metadata": {},
                "name": name,
            }
            recurring = (
                {
                    "interval": interval,
                    "interval_count": 1,
                    "meter": None,
                    "trial_period_days": None,
                    "usage_type": "licensed",
                }
                if interval
                else None
            )
            price = self._price(product_id, unit_amount, currency, recurring, active=True)
            self.prices[price["id"]] = price
            return price["id"]

    def _session_lines(self, session_id: str) -> list[dict]:
        out = []
        for line in self._lines.get(session_id, []):
            price, qty = line["price"], line["quantity"]
            out.append(
                {
                    "id": new_id("li_", 24),
                    "object": "item",
                    "amount_discount": 0,
                    "amount_subtotal": price["unit_amount"] * qty,
                    "amount_tax": 0,
                    "amount_total": price["unit_amount"] * qty,
                    "currency": price["currency"],
                    "description": self.products.get(price["product"], {}).get("name"),
                    "price": copy.deepcopy(price),
                    "quantity": qty,
                }
            )
        return out
