"""Every form of a person's name, for the `person:` and `owner:` fields: the
register of people (`corpus`) says who is called what, and the surnames are
taken as the index takes them (`text.names.surname`), so they match."""

from __future__ import annotations

from ..corpus.registers import people_named
from ..corpus.store import Store
from ..text.names import surname


def name_forms(store: Store, name: str) -> tuple[set[str], set[str]]:
    """Surnames of every form of the people called `name`, and their ids."""
    people = people_named(store.people(), name)
    surnames = {s for p in people for alias in [p.name, *p.aliases] if (s := surname(alias))}
    return surnames, {p.id for p in people}
