"""Read queries behind the Python API, the CLI, the REST API, the pages and the exports: parameterised SQL only.

By topic: articles (lists, detail, search, dashboard), actors (entities, networks, countries),
events (events, trend, places), corpus (clusters, merged events, stories, timelines) and dyads
(the one definition of actor-pair counts); common holds the page shape and what they share.
`tidings.api.Corpus` is the way in from above.
"""
