"""Hard-wrapped and wire-style articles written for the tests (no text from ../shared)."""

from __future__ import annotations

# AP style, 1998: wrapped at 70 columns, paragraphs open with an indent, PTB marks, furniture.
AP_STORY = """FASHION HOUSES SEEK A NEW BALANCE
By JANE DOE, Associated Press Writer

   PARIS (AP) _ The big fashion houses of Paris opened the autumn
shows on Tuesday with a warning from one of their own designers.
``After ten years, we must find a balance between glamour and
efficiency,'' said Jean-Jacques Picart, a consultant who has advised
several houses since the 1980s.
   Buyers flew in from Tokyo, Milan and the smart boutiques of Kuala
Lumpur, where sales have fallen by a third since the currency crisis
began last summer.
   ``We are here to buy, not to dream,'' said Maria Lopez, who buys
dresses for Harrods in London and for a large department store in New
York. She said orders would be smaller this year.
   The shows run until Sunday.

Copyright 1998 The Associated Press. All rights reserved.
"""

# Reuters style: blank lines between paragraphs, a dated dateline, a reporting credit.
REUTERS_STORY = """UPDATE 2-Malaysia holds rates as ringgit steadies

LONDON, March 3 (Reuters) - Malaysia's central bank kept its main
interest rate unchanged on Thursday, saying the ringgit had steadied
after a difficult month and that inflation would stay low in Kuala
Lumpur and the rest of the country.

"The economy is on a firm footing and we see no need to move now,"
Governor Ahmad Zaki told reporters at the bank's headquarters in the
capital. Economists polled by Reuters had expected no change.

Trade Minister Tan Sri Rafidah Aziz said exports to the United States
and New Zealand rose by 9 percent in January.

(Reporting by Siti Rahman in Kuala Lumpur; Editing by Mark Heinrich)
"""

# pdftotext-like: ragged lines of 80-90 columns, no blank lines; a short line ending a
# sentence ends its paragraph.
PDF_TEXT = """City council approves new tram line
The city council of Leeds voted on Wednesday to build a tram line from the railway station
to the university, ending a dispute that has divided the council for almost ten years.
“This is the day we stop talking and start digging,” said council leader Helen Barnes, who
had promised the line in her campaign.
Opposition councillors said the cost, put at 400 million pounds, would fall on local
taxpayers. “Nobody has shown us where the money comes from,” said Peter Walsh, who leads
the Conservative group.
Work is due to start next spring.
"""

# An e-mail newsletter: wrapped at 72, a headline, a list whose items keep their lines.
NEWSLETTER = """This week in Brussels

The European Commission published its plan for the single market on
Monday. Commissioner Anna Berg said the plan would be debated by the
member states before the summer:

- cheaper roaming charges for travellers
- a common charger for mobile phones
- new rules for online marketplaces

1. Register for the briefing on Thursday
2. Send us your questions by Friday

See you next week.
"""

# A LexisNexis-style archive export: field markers, an abstract and the full text.
ARCHIVE = """Copyright 1998 The Boston Globe
The Boston Globe

March 4, 1998, Wednesday, City Edition

SECTION: METRO; Pg. B1

LENGTH: 412 words

HEADLINE: Mayor backs harbor plan

BYLINE: By Tom Kelly, Globe Staff

DATELINE: BOSTON

ABSTRACT

The mayor said he would support the new plan for the harbor.

FULL TEXT

Mayor Thomas Menino said on Tuesday that he would support the plan to
clean up Boston Harbor, which the state legislature is to debate next
week. "The harbor belongs to everybody," Menino said.

LOAD-DATE: March 5, 1998
"""
