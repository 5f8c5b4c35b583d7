"""RSS 2.0, Atom and RDF feeds: one article per item; malformed and hostile XML become failures."""

from __future__ import annotations

from ingest_helpers import docs, failures, run, write

from tidings.config import Settings

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Steppe Daily</title>
    <link>https://steppe.example/</link>
    <language>en</language>
    <image><title>Logo title, not the outlet</title></image>
    <item>
      <title>Ministers meet in Tashkent</title>
      <link>https://steppe.example/2024/03/ministers</link>
      <pubDate>Tue, 05 Mar 2024 09:30:00 +0500</pubDate>
      <dc:creator>A. Karimova</dc:creator>
      <description>Short teaser.</description>
      <content:encoded><![CDATA[<p>Foreign ministers met in <b>Tashkent</b> on Tuesday.</p>]]></content:encoded>
    </item>
    <item>
      <title>Flood warning on the Syr Darya</title>
      <link>https://steppe.example/2024/03/flood</link>
      <author>desk@steppe.example (Water Desk)</author>
      <description>Officials warned of spring floods along the river.</description>
    </item>
    <item><title>Only a title</title></item>
  </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Silk Road Post</title>
  <entry>
    <title>Border crossing reopens</title>
    <link rel="self" href="https://silk.example/api/1"/>
    <link rel="alternate" href="https://silk.example/border"/>
    <published>2024-03-06T08:00:00Z</published>
    <updated>2024-03-06T10:00:00Z</updated>
    <author><name>B. Nurlanov</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The crossing at <em>Dostyk</em> reopened.</p></div></content>
  </entry>
  <entry>
    <title>Trade figures</title>
    <link href="https://silk.example/trade"/>
    <updated>2024-03-07T10:00:00Z</updated>
    <summary type="html">&lt;p&gt;Exports rose in February.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Elsewhere</title>
    <content src="https://silk.example/elsewhere.html" type="text/html"/>
  </entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://valley.example/"><title>Valley Herald</title></channel>
  <item rdf:about="https://valley.example/1">
    <title>Harvest begins</title>
    <link>https://valley.example/1</link>
    <description>Farmers in the Fergana Valley began the cotton harvest.</description>
    <dc:date>2024-09-01</dc:date>
    <dc:creator>C. Aliev</dc:creator>
  </item>
</rdf:RDF>
"""


def test_rss_items(tmp_path):
    items = run([write(tmp_path / "steppe.rss", RSS)])
    first, second = docs(items)
    assert first.origin.endswith("steppe.rss#item1")
    assert first.kind == "html"
    assert first.content == "<p>Foreign ministers met in <b>Tashkent</b> on Tuesday.</p>"
    assert first.fields == {
        "outlet": "Steppe Daily",
        "language": "en",
        "title": "Ministers meet in Tashkent",
        "url": "https://steppe.example/2024/03/ministers",
        "published": "Tue, 05 Mar 2024 09:30:00 +0500",
        "author": "A. Karimova",
    }
    assert second.kind == "text"
    assert second.content == "Officials warned of spring floods along the river."
    assert second.fields["author"] == "desk@steppe.example (Water Desk)"
    [failure] = failures(items)
    assert failure.origin.endswith("#item3")
    assert failure.error == "item 3 has no content, description or summary to read"


def test_atom_entries(tmp_path):
    items = run([write(tmp_path / "silk.atom", ATOM)])
    first, second = docs(items)
    assert first.kind == "html"
    assert first.content == "<div><p>The crossing at <em>Dostyk</em> reopened.</p></div>"
    assert first.fields == {
        "outlet": "Silk Road Post",
        "title": "Border crossing reopens",
        "url": "https://silk.example/border",
        "published": "2024-03-06T08:00:00Z",
        "author": "B. Nurlanov",
    }
    assert second.kind == "html" and second.content == "<p>Exports rose in February.</p>"
    assert second.fields["published"] == "2024-03-07T10:00:00Z"
    assert second.fields["url"] == "https://silk.example/trade"
    [failure] = failures(items)  # content held elsewhere: tidings follows no links
    assert failure.origin.endswith("#item3")


def test_rdf_items_in_an_xml_file(tmp_path):
    [doc] = run([write(tmp_path / "valley.xml", RDF)])
    assert doc.kind == "text"
    assert doc.fields == {
        "outlet": "Valley Herald",
        "title": "Harvest begins",
        "url": "https://valley.example/1",
        "published": "2024-09-01",
        "author": "C. Aliev",
    }


def test_malformed_xml_keeps_items_before_the_error(tmp_path):
    broken = RSS.replace(
        "</item>\n    <item><title>Only a title</title></item>",
        "</item>\n    <item><title>Cut</titel></item>",
    )
    items = run([write(tmp_path / "broken.rss", broken)])
    assert len(docs(items)) == 2
    [failure] = failures(items)
    assert failure.origin == str(tmp_path / "broken.rss")
    assert failure.error == (
        "the file is not well-formed XML (mismatched tag at line 23, column 23); "
        "the 2 items before that point were read"
    )


def test_billion_laughs_is_refused(tmp_path):
    lol = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>x</title><item><description>&lol9;</description></item></channel></rss>
"""
    [failure] = run([write(tmp_path / "lol.xml", lol)])
    assert failure.error.startswith(
        "the file uses XML entity declarations (<!ENTITY lol ...>), which tidings refuses for safety"
    )


def test_xxe_is_refused(tmp_path):
    xxe = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><description>&secret;</description></item></channel></rss>
"""
    [failure] = run([write(tmp_path / "xxe.rss", xxe)])
    assert "uses XML entity declarations" in failure.error
    assert "root:" not in failure.error


def test_xml_that_is_not_a_feed(tmp_path):
    [failure] = run(
        [write(tmp_path / "sitemap.xml", '<?xml version="1.0"?><urlset><url/></urlset>')]
    )
    assert (
        failure.error
        == "the file is XML but not an RSS, Atom or RDF feed (its root element is <urlset>)"
    )


def test_feed_with_undeclared_html_entity(tmp_path):
    bad = RSS.replace("Short teaser.", "Short&nbsp;teaser.")
    [failure] = run([write(tmp_path / "nbsp.rss", bad)])
    assert failure.error.startswith(
        "the file is not well-formed XML (undefined entity at line 14, column 25"
    )


def test_feed_item_above_cap(tmp_path):
    big = RSS.replace("Officials warned of spring floods along the river.", "flood " * 2000)
    items = run([write(tmp_path / "big.rss", big)], Settings(max_item_bytes=4096))
    assert failures(items)[0].error == (
        "item 2 is more than 4 KB, the cap for one article (setting max_item_bytes)"
    )
    assert len(docs(items)) == 1


def test_deep_xhtml_in_an_atom_entry(tmp_path):
    deep = "<div>" * 700 + "x" + "</div>" * 700
    atom = ATOM.replace(
        '<div xmlns="http://www.w3.org/1999/xhtml"><p>The crossing at <em>Dostyk</em> reopened.</p></div>',
        f'<div xmlns="http://www.w3.org/1999/xhtml">{deep}</div>',
    )
    items = run([write(tmp_path / "deep.atom", atom)])
    assert failures(items)[0].error.startswith("item 1 nests XHTML elements more than 512 deep")
    assert len(docs(items)) == 1


def test_feed_in_utf16_and_gzip(tmp_path):
    import gzip

    data = RDF.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode(
        "utf-16"
    )
    [doc] = run([write(tmp_path / "valley.rdf.gz", gzip.compress(data))])
    assert doc.fields["outlet"] == "Valley Herald"


def test_endlessly_nested_xml_stops_early(tmp_path):
    n = 200_000
    feed = '<rss version="2.0"><channel>' + "<x>" * n + "</x>" * n + "</channel></rss>"
    [failure] = run([write(tmp_path / "abyss.rss", feed)])
    assert failure.error.startswith("the file nests XML elements more than 1028 deep")


def test_long_feed_is_read_item_by_item(tmp_path):
    item = "<item><title>T{0}</title><description>Story number {0}.</description></item>"
    body = "".join(item.format(i) for i in range(20_000))
    feed = f'<rss version="2.0"><channel><title>Desk</title>{body}</channel></rss>'
    items = run([write(tmp_path / "long.rss", feed)])
    assert len(items) == 20_000 and items[-1].content == "Story number 19999."


def test_feed_without_items(tmp_path):
    feed = '<rss version="2.0"><channel><title>Quiet desk</title></channel></rss>'
    [failure] = run([write(tmp_path / "quiet.rss", feed)])
    assert failure.error == "the file is a feed with no items"


def test_bare_ampersand_reads_plainly(tmp_path):
    bad = RSS.replace("Short teaser.", "Tea & talks.")
    [failure] = run([write(tmp_path / "amp.rss", bad)])
    assert failure.error == "the file is not well-formed XML (invalid token at line 14, column 25)"
