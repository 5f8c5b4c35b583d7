"""Multi-article fixtures for the near-duplicate and cluster tests, written for tidings."""
from __future__ import annotations

import hashlib

from tidings.model.article import Article

WIRE = """DUSHANBE, May 12 (Reuters) - Tajikistan opened a new road bridge over the Panj river to
Afghanistan's Badakhshan province on Thursday, the first crossing built on that stretch of the
frontier in more than a decade, officials in Dushanbe said.

The 320-metre span links the Tajik district of Darvoz with the Afghan village of Nusai and was
paid for by a loan of 18 million dollars from the Asian Development Bank, according to the
transport ministry.

Traders on both banks have waited years for the crossing. Until now, flour, fuel and livestock
moved over a narrow footbridge that floods each spring and closes for weeks at a time.

A Taliban delegation from Faizabad attended the ceremony and promised to keep the Afghan side
of the road open to commercial traffic, the ministry said in a statement.

Border guards on the Tajik side will check lorries around the clock, a senior customs official
told reporters, adding that the first convoy of 40 trucks carrying cement was expected next week."""

COPY_ONE = """Bridge over the Panj opens to Afghan trade
Photo: A view of the river valley. (File)
""" + WIRE.replace("(Reuters) - ", "(Reuters) -- ") + """

Read more world news on The Pamir Courier. Follow us on Telegram."""

COPY_TWO = """Advertisement
Tajikistan, Afghanistan linked by new bridge
""" + WIRE.replace("on Thursday, the first", "on Thursday, the first such").replace(
    "told reporters,", "told reporters on the bank,") + """

Local residents said they hoped the crossing would bring down the price of flour in Nusai.
Comments are moderated. Keep it civil.
(Reuters wire copy, lightly edited by the Valley Times desk)"""

OWN_REPORT = """The new Panj bridge between Darvoz and Nusai was opened on Thursday in a ceremony
attended by officials from both sides of the river, our correspondent in Darvoz reports.

Residents of Nusai crossed on foot within minutes of the ribbon being cut. Shopkeepers in the
village said fuel had cost twice as much as in Tajikistan because it came over the mountains
from Faizabad on lorries that often broke down.

The Asian Development Bank, which lent the money, said more crossings were planned along the
river. Tajik customs staff said they would work in shifts so the bridge never closes.

Taliban officials from Badakhshan told our reporter that they wanted the bridge to carry
passengers as well as goods, a point the Tajik side has not yet agreed to."""

MEETING_JUNE = """President Emomali Rahmon received Russian President Vladimir Putin in Dushanbe on
Tuesday for talks on the Afghan border, labour migrants and the Russian base in Tajikistan.
Rahmon and Putin spoke for three hours at the Palace of the Nation. Putin said Moscow would
help Dushanbe strengthen the frontier with Afghanistan. Rahmon asked for easier rules for Tajik
workers in Russia. The two leaders signed a statement on regional security and a plan for the
201st military base. It was Putin's first trip abroad in months."""

MEETING_JULY = """Vladimir Putin and Emomali Rahmon met again in Ashgabat on Wednesday on the margins
of a Caspian forum, where Rahmon pressed the Russian president on gas prices and on the fate of
Tajik migrants held in Russian detention centres. Putin promised that a working group of
ministers would report within a month. Rahmon also raised the Afghan border, saying that
Tajikistan would not host refugees from the north of Afghanistan without international funding.
Putin praised the Tajik leader for hosting talks on Afghanistan earlier this year."""

UNRELATED = """Kazakhstan's central bank raised its base rate by one percentage point on Friday to
fight inflation that reached 17 percent in April, the highest in more than twenty years. The
governor told a press conference in Almaty that prices for bread, meat and petrol had risen
faster than the bank expected. Economists said a further increase in the summer was likely.
The tenge rose slightly against the dollar after the announcement."""


def article(key: str, body: str, title: str, published: str | None, outlet: str, wire: str | None = None) -> Article:
    """An Article as the extract stage would store it (id from the body)."""
    return Article(
        id=hashlib.sha256(body.encode()).hexdigest(), origin=f"fixture:{key}", body=body, title=title,
        outlet=outlet, published=published,
        published_precision="datetime" if published and "T" in published else ("day" if published else "unknown"),
        wire=wire, language="en", origins=[f"fixture:{key}"])


def corpus() -> dict[str, Article]:
    """The fixture articles by key."""
    return {
        "wire": article("wire", WIRE, "Tajikistan opens Panj bridge to Afghanistan", "2022-05-12T09:10:00+05:00",
                        "Reuters", "Reuters"),
        "copy1": article("copy1", COPY_ONE, "Bridge over the Panj opens to Afghan trade", "2022-05-12T15:00:00+05:00",
                         "Pamir Courier", "Reuters"),
        "copy2": article("copy2", COPY_TWO, "Tajikistan, Afghanistan linked by new bridge", "2022-05-13",
                         "Valley Times", "Reuters"),
        "own": article("own", OWN_REPORT, "Nusai crosses the new bridge", "2022-05-12T18:00:00+05:00",
                       "Darvoz Daily"),
        "june": article("june", MEETING_JUNE, "Rahmon hosts Putin in Dushanbe", "2022-06-28", "Steppe Post"),
        "july": article("july", MEETING_JULY, "Putin and Rahmon meet in Ashgabat", "2022-07-27", "Steppe Post"),
        "other": article("other", UNRELATED, "Kazakhstan raises base rate to fight inflation", "2022-05-13",
                         "Almaty Business"),
    }
