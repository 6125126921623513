"""Where papers come from.

records.py   what a site tells us (frozen dataclasses; no library rows)
errors.py    SourceError and its kinds, each with a one-line message for people
http.py      the one polite HTTP client (the only httpx user): pages, downloads, counters
fetching.py  the HTTP client's plain parts: results, stats, PDF check, Retry-After
moderngov.py a ModernGov site (web service, SOAP or HTML pages), built on
             moderngov_xml.py / moderngov_html.py / htmltext.py / htmltree.py / urls.py

Nothing is imported here, so `import memberdesk.sources.records` stays light.
"""
