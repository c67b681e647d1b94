"""Organisers' side of donations: the figures, the coalition's giving settings, exports and Gift Aid claims.
Each view declares the permission it needs; the reports and gift_aid services check it again
(manage_donations for what changes anything), and their refusal is the 403 page (see campaign.web.errors)."""

from datetime import date

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user

from ..payments import donations_configured
from ..services.donations import gift_aid, records, reports
from ..services.donations.giving import gift_aid_available, update_settings
from ..services.errors import ServiceError, attach_to_form
from ..web.hostile_input import MAX_PAGE, page_number
from ..web.security import permission_required
from .blueprint import bp
from .organiser_forms import DonationSettingsForm, RecordClaimForm

PREVIEW_ROWS = 200


def _csv(body: str, filename: str) -> Response:
    g.no_store = True
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )


@bp.get("/admin")
@permission_required("view_donations")
def admin():
    user = current_user._get_current_object()
    page = page_number()
    donations, total = records.recent_donations(user, page)
    days, months, campaigns = reports.by_day(user), reports.by_month(user), reports.by_campaign(user)
    return render_template(
        "donations/admin.html",
        stripe_ready=donations_configured(),
        summary=reports.summary(user),
        days=days,
        months=months,
        campaigns=campaigns,
        day_max=max([d.net_pence for d in days] + [1]),
        month_max=max([m.net_pence for m in months] + [1]),
        campaign_max=max([c.net_pence for c in campaigns] + [1]),
        donations=donations,
        total=total,
        page=page,
        pages=max((total + reports.PER_PAGE - 1) // reports.PER_PAGE, 1),
    )


@bp.route("/admin/settings", methods=["GET", "POST"])
@permission_required("manage_donations")
def admin_settings():
    user = current_user._get_current_object()
    settings = reports.settings_for(user)
    form = DonationSettingsForm()
    error = None
    if request.method == "GET":
        form.gift_aid_enabled.data, form.charity_name.data = settings.gift_aid_enabled, settings.charity_name
        form.charity_number.data, form.target_label.data = settings.charity_number, settings.target_label
        form.target.data = reports.target_text(settings.target_pence)
    elif form.validate_on_submit():
        try:
            target = reports.parse_target(form.target.data)
            update_settings(
                user,
                gift_aid_enabled=bool(form.gift_aid_enabled.data),
                charity_name=form.charity_name.data or "",
                charity_number=form.charity_number.data or "",
                target_pence=target,
                target_label=form.target_label.data or "",
            )
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            flash("Donation settings saved.", "success")
            return redirect(url_for("donations.admin"))
    return render_template("donations/admin_settings.html", form=form, error=error), (
        400 if form.errors or error else 200
    )


@bp.route("/admin/gift-aid", methods=["GET", "POST"])
@permission_required("view_donations")
def admin_gift_aid():
    user = current_user._get_current_object()
    form = RecordClaimForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        expected = int(form.expected.data) if (form.expected.data or "").isdigit() else None
        try:
            recorded = gift_aid.record_claims(user, expected=expected)
        except ServiceError as problem:
            flash(str(problem), "error")
        else:
            count = sum(claim.payment_count for claim in recorded)
            money = reports.pounds(sum(claim.total_pence for claim in recorded))
            gifts = "gift" if count == 1 else "gifts"
            if len(recorded) == 1:
                said = f"Recorded {count} {gifts} (£{money}) as claimed. Download its schedule below to upload to HMRC."
            else:
                said = (
                    f"Recorded {count} {gifts} (£{money}) as claimed, in {len(recorded)} claims of at most "
                    f"{gift_aid.max_rows_per_claim():,} gifts (HMRC's limit per schedule). Download each "
                    "claim's schedule below and upload it to HMRC as a claim of its own."
                )
            flash(said, "success")
        return redirect(url_for("donations.admin_gift_aid"))
    eligible = gift_aid.eligible_totals(user)
    form.expected.data = str(eligible.count)
    return render_template(
        "donations/admin_gift_aid.html",
        eligible=eligible,
        form=form,
        columns=gift_aid.SCHEDULE_COLUMNS,
        preview=gift_aid.claim_schedule_rows(user, None)[:PREVIEW_ROWS],
        parts=gift_aid.parts_needed(eligible.count),
        max_rows=gift_aid.max_rows_per_claim(),
        preview_limit=PREVIEW_ROWS,
        claims=gift_aid.claims(user),
        gift_aid_on=gift_aid_available(),
    )


@bp.get("/admin/donations.csv")
@permission_required("view_donations")
def admin_payments_csv():
    body = records.payments_csv(current_user._get_current_object())
    return _csv(body, f"donations-{date.today().isoformat()}.csv")


@bp.get("/admin/gift-aid/unclaimed.csv")
@permission_required("view_donations")
def admin_unclaimed_csv():
    """The gifts that can be claimed now, in one file, or with ``?part=N`` the N-th schedule of at most
    GIFT_AID_MAX_ROWS_PER_CLAIM rows (the claim that recording them would make)."""
    part = request.args.get("part", type=int)
    if part is not None and not 1 <= part <= MAX_PAGE:  # a part past any claim, or past what SQL takes
        abort(404)
    body = gift_aid.schedule_csv(current_user._get_current_object(), None, part)
    suffix = f"-part-{part}" if part else ""
    return _csv(body, f"gift-aid-unclaimed-{date.today().isoformat()}{suffix}.csv")


@bp.get("/admin/gift-aid/claims/<ref>.csv")
@permission_required("view_donations")
def admin_claim_csv(ref: str):
    user = current_user._get_current_object()
    claim = gift_aid.claim_by_ref(user, ref)
    return _csv(
        gift_aid.schedule_csv(user, claim), f"gift-aid-claim-{claim.created_at:%Y-%m-%d}-{claim.ref}.csv"
    )
