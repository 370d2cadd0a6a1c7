"""What the roles tests share: a publication date, the candidates of an article, the draft assembly makes of
the roles a model would give, and articles several tests read."""

from extractor.forms.roles import RolesForm
from extractor.forms.roles.candidates import Candidates
from schemas.draft import Roles

PUBLISHED = "2024-05-10"


def find(article: str) -> Candidates:
    return Candidates.find(article, published=PUBLISHED)


def draft(article: str, names: dict[str, str], amounts: dict[str, str], published: str = PUBLISHED):
    """What assembly makes of the roles the model would give."""
    return RolesForm().request(article, published).to_draft(Roles(names=names, amounts=amounts))


CORVEX = (
    "Corvex raises $40 million\n"
    "Corvex raised $40 million in a Series B round and is now valued at $2 billion. "
    "It plans to raise $10 million more next year."
)


NEXORA = (
    "Nexora raises $20 million\n"
    "Nexora raised $20 million in March 2024, the company said. Nexora raised $3 million in 2023. "
    "It had previously raised $1 million from angels."
)


QUILLSTONE = (
    "Quillstone raises $25 million\n"
    "Quillstone raised $25 million led by Arbor Peak Capital, with participation from Halden Ventures "
    "and Mireval Partners."
)


FERROWIND_BACKGROUND = (
    "Ferrowind opens Leeds office\n"
    "Ferrowind, a turbine maker, is hiring engineers in Leeds. "
    "Ferrowind raised $3 million from Grove Angels in 2021."
)
