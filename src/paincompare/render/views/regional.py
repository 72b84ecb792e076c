"""The grid cells that differ by the reader's country: controlled-drug status, availability, cost."""

from paincompare import query
from paincompare import region as region_choice
from paincompare.catalogue import models as m
from paincompare.catalogue import scales
from paincompare.render.views.parts import References, words
from paincompare.render.views.wording import scaled


def regional_short(t: m.Treatment, row: str, refs: References, region: str) -> list[str]:
    """Addiction and cost in the reader's country: its controlled-drug law; whether and how it can be had, and
    its price."""
    if row == "addiction":
        risk = t.addiction_risk
        if region == "uk":
            if t.uk_control is None:
                return [refs.cite(f"Risk: {words(risk.level)}; UK status not reported. {risk.short}", risk.sources)]
            uk = t.uk_control
            return [refs.cite(f"Risk: {words(risk.level)}; {uk.words()}. {risk.short}", [*risk.sources, *uk.sources])]
        return [refs.cite(f"Risk: {words(risk.level)}; {risk.schedule_words()}. {risk.short}", risk.sources)]
    parts = []  # one paragraph: whether and how it can be had, then what it costs
    available = _availability(t, region)
    if available:
        parts.append(refs.cite(available.short, available.sources))
    cost = t.cost_in(region)
    if cost is None:
        parts.append(f"Not reported: no {region_choice.NAMES[region]} price in this catalogue.")
    else:
        price = scaled(cost.tier, cost.short) + _stale_note(cost, refs.catalogue, brief=True)
        parts.append(refs.cite(price, cost.sources))
    return [" ".join(parts)]


def regional_detail(t: m.Treatment, row: str, refs: References, region: str) -> list[str]:
    """In full: the reader's country first, then the other's, so a pharmacist sees both."""
    other = next(r for r in scales.READER_REGIONS if r != region)
    lines = []
    for where in (region, other):
        name = region_choice.NAMES[where]
        if row == "addiction":
            lines += _control_detail(t, where, name, refs)
            continue
        available = _availability(t, where)
        if available:
            nhs = f" NHS: {words(available.nhs)}." if available.nhs else ""
            supply = f"{name}: {words(available.supply)}; for pain: {words(available.licensed_for_pain)}.{nhs}"
            lines.append(refs.cite(f"{supply} {available.summary}", available.sources))
        cost = t.cost_in(where)
        if cost is None:
            lines.append(f"{name} cost: not reported: no {name} price in this catalogue.")
        else:
            price = _price_words(cost, where)
            text = f"{name} cost: {scaled(cost.tier, cost.summary)}{price}{_stale_note(cost, refs.catalogue)}"
            lines.append(refs.cite(text, cost.sources))
    return lines


def _control_detail(t: m.Treatment, where: str, name: str, refs: References) -> list[str]:
    risk = t.addiction_risk
    if where == "us":
        return [
            f"{name}: {words(risk.level)}; {risk.schedule_words(each_product=True)}",
            refs.cite(risk.summary, risk.sources),
        ]
    uk = t.uk_control
    if uk is None:
        return [f"{name}: controlled-drug status not reported in this catalogue."]
    products = "; ".join(f"{p.name}: {_uk_product_words(p)}" for p in uk.products or ())
    since = f" In force since {uk.in_force.isoformat()}." if uk.in_force else ""
    head = f"{name}: {uk.words()}" + (f" ({products})" if products else "")
    return [head, refs.cite(f"{uk.summary}{since}", uk.sources)]


def _uk_product_words(p: m.UkProduct) -> str:
    if p.act_class == "none":
        return "not controlled"
    if p.act_class == scales.NOT_REPORTED:
        return "status not reported"
    if p.act_class == "psa":
        return "Psychoactive Substances Act 2016"
    return f"Class {p.act_class}" + (f", Schedule {p.schedule}" if p.schedule else "")


def _availability(t: m.Treatment, region: str) -> m.Availability | None:
    return getattr(t.availability, region) if t.availability else None


CURRENCY = {"uk": "£", "us": "$"}


def _price_words(cost: m.Cost, region: str) -> str:
    if cost.price is None:
        return ""
    unit = f" for {cost.unit}" if cost.unit else ""
    month = f" ({cost.month})" if cost.month else ""
    return f" Price: {CURRENCY[region]}{cost.price:,.2f}{unit}{month}."


def _stale_note(cost: m.Cost, catalogue: m.Catalogue, brief: bool = False) -> str:
    """' (price from 2024-03, older than the 12-month review policy)', or nothing; in a grid cell, shorter."""
    if not query.price_is_stale(cost, catalogue.info):
        return ""
    if brief:
        return " (an old price)"
    return f" (price from {cost.month}, older than the {catalogue.info.review_every_months}-month review policy)"
