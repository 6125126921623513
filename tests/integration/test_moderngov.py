"""The ModernGov client against the fixture council, in each of its three modes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from council_server import CouncilServer
from memberdesk.dates import london_now
from memberdesk.sources.errors import CouncilDataError, FetchError
from memberdesk.sources.http import HttpClient
from memberdesk.sources.moderngov import ModernGovClient, default_window
from memberdesk.sources.records import RemoteMeetingDetail

TODAY = london_now().date()  # the fixture council dates its meetings on London's day
WINDOW = default_window(TODAY)


def client(server: CouncilServer, http: HttpClient, **options: object) -> ModernGovClient:
    return ModernGovClient(server.base_url + "/", http, name="Fixture County Council", **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", ["webservice", "soap", "html"])
def test_probe_says_how_the_site_is_read(council_server: CouncilServer, http: HttpClient, mode: str) -> None:
    council_server.mode = mode
    site = client(council_server, http)

    assert site.probe() == mode and site.mode == mode
    titles = {c.id: c.title for c in site.committees()}
    assert titles["101"] == "Cabinet"
    assert titles["105"] == "Audit & Governance Committee"  # escaped twice on the wire
    assert not any("//" in e.target for e in council_server.log)  # trailing slash stripped


def test_soap_only_site_costs_one_refused_get_and_no_retries(council_server: CouncilServer, http: HttpClient) -> None:
    council_server.mode = "soap"
    client(council_server, http).probe()

    gets = council_server.requests("mgWebService.asmx/GetCommittees")
    assert [e.status for e in gets] == [500]  # "method name is not valid": final, no retry
    posts = council_server.requests("mgWebService.asmx", method="POST")
    assert posts[0].headers["soapaction"] == '"http://moderngov.co.uk/namespaces/GetCommittees"'
    assert posts[0].headers["content-type"].startswith("text/xml")


def test_committees_carry_deleted_and_expired_flags(council_server: CouncilServer, http: HttpClient) -> None:
    committees = {c.id: c for c in client(council_server, http).committees()}

    assert committees["103"].deleted and not committees["103"].expired
    assert committees["104"].expired and not committees["104"].deleted
    assert committees["101"].category == "Executive"
    assert len(council_server.requests("GetCommittees")) == 1  # the probe's answer reused


@pytest.mark.parametrize("mode", ["webservice", "soap", "html"])
def test_meetings_in_the_window_with_their_states(council_server: CouncilServer, http: HttpClient, mode: str) -> None:
    council_server.mode = mode
    site = client(council_server, http)

    cabinet = site.meetings("101", *WINDOW)
    planning = site.meetings("102", *WINDOW)

    assert [m.id for m in cabinet] == ["1001", "1002", "1003"]
    assert cabinet[0].date == TODAY - timedelta(days=20) and cabinet[0].time == "10.00 am"
    assert cabinet[1].time == "2.00 pm"
    assert [m.id for m in planning] == ["2001", "2002"]
    assert planning[0].cancelled and planning[0].status == "Cancelled"
    assert not planning[1].cancelled


def test_dates_go_to_the_server_as_dd_mm_yyyy(council_server: CouncilServer, http: HttpClient) -> None:
    client(council_server, http).meetings("101", date(2025, 1, 5), date(2025, 3, 31))
    sent = council_server.requests("GetMeetings")[0].target
    assert "sFromDate=05%2F01%2F2025" in sent and "sToDate=31%2F03%2F2025" in sent


def test_a_server_that_ignores_the_range_is_filtered_on_our_side(
    council_server: CouncilServer, http: HttpClient
) -> None:
    council_server.add_fault("GetMeetings", "ignore_dates", times=None)
    site = client(council_server, http)

    meetings = site.meetings("101", *WINDOW)

    assert [m.id for m in meetings] == ["1001", "1002", "1003"]
    assert council_server.requests("GetMeetings")[0].body_bytes > 5000  # the whole history


def test_a_meeting_with_items_documents_and_packs(council_server: CouncilServer, http: HttpClient) -> None:
    detail = client(council_server, http).meeting("1001", "101")

    assert detail.date == TODAY - timedelta(days=20) and detail.status == "Confirmed"
    assert detail.location == "Committee Room 1, County Hall"
    assert detail.agenda_published and detail.minutes_published
    numbers = [(i.number, i.title) for i in detail.items]
    assert numbers[2] == ("3.", "Budget & council tax 2025/26")  # &amp;amp; on the wire
    budget = detail.items[2]
    assert budget.text == ("To consider the budget and the council tax base.\n\n- Revenue budget\n- Capital programme")
    assert budget.minutes == "RESOLVED: that the budget be recommended to Council."
    assert budget.is_decision and not detail.items[0].is_decision
    assert detail.items[1].text == ("Members are asked to declare any interests & the nature of them.")
    _assert_documents(detail, council_server)


def _assert_documents(detail: RemoteMeetingDetail, server: CouncilServer) -> None:
    reports = [d for d in detail.documents if d.kind == "report"]
    assert [d.attachment_id for d in reports] == ["5001", "5002", "5003", "5004"]
    tax_base = reports[2]
    assert tax_base.item_ids == ("203", "205")  # one document, remembered on both items
    assert detail.items[4].document_urls == (tax_base.url,)
    assert len({d.url for d in detail.documents}) == len(detail.documents)
    packs = {d.kind: d for d in detail.packs}
    assert sorted(packs) == ["frontsheet", "minutes", "pack"]
    assert packs["frontsheet"].url.startswith(server.url("documents/g1001/Agenda%20frontsheet"))
    assert packs["frontsheet"].url.endswith(".pdf?T=0")
    assert packs["pack"].title.startswith("Public reports pack")


def test_the_same_meeting_read_from_the_web_pages(council_server: CouncilServer, http: HttpClient) -> None:
    council_server.mode = "html"
    detail = client(council_server, http).meeting("1001", "101")

    assert detail.date == TODAY - timedelta(days=20) and detail.time == "10.00 am"
    assert detail.location == "Committee Room 1, County Hall"
    assert [i.id for i in detail.items] == ["201", "202", "203", "204", "205"]
    assert detail.items[2].title == "Budget & council tax 2025/26"
    assert detail.items[2].minutes == "RESOLVED: that the budget be recommended to Council."
    assert detail.items[2].is_decision
    _assert_documents(detail, council_server)


def test_supplements_and_restricted_papers(council_server: CouncilServer, http: HttpClient) -> None:
    site = client(council_server, http)
    upcoming = site.meeting("1002", "101")
    planning = site.meeting("2002", "102")

    assert [d.kind for d in upcoming.packs] == ["frontsheet", "pack", "supplement"]
    assert "/documents/b7702/" in upcoming.packs[2].url
    restricted = [d for d in planning.documents if d.restricted]
    assert [d.attachment_id for d in restricted] == ["5009"]
    assert planning.items[2].is_restricted
    assert planning.items[1].title == "24/0456/OUT Former depot 'North'"  # &amp;#39;


@pytest.mark.parametrize("mode", ["webservice", "html"])
def test_cancelled_and_unpublished_meetings_are_normal(
    council_server: CouncilServer, http: HttpClient, mode: str
) -> None:
    council_server.mode = mode
    site = client(council_server, http)
    cancelled = site.meeting("2001", "102")
    unpublished = site.meeting("1003", "101")

    assert cancelled.cancelled and cancelled.items == () and cancelled.documents == ()
    assert cancelled.location == ""  # whitespace-only on the wire
    assert not unpublished.agenda_published and unpublished.items == ()
    assert unpublished.warnings == ()


def test_packs_page_trouble_does_not_lose_the_agenda(council_server: CouncilServer, http: HttpClient) -> None:
    council_server.add_fault("ieListDocuments", "status", status=500, times=None)
    detail = client(council_server, http).meeting("1001", "101")

    assert len(detail.items) == 5 and detail.packs == ()
    assert detail.warnings[0].startswith(
        "meeting packs not listed: the council's site had a server error (500 Internal Server Error)"
    )


def test_a_site_under_a_sub_path(http: HttpClient) -> None:
    from council_data import default_council

    with CouncilServer(default_council(), prefix="/modern.gov") as server:
        site = ModernGovClient(server.base_url + "///", http)
        assert site.base_url.endswith("/modern.gov")
        assert site.probe() == "webservice"
        assert site.meeting("1001").items[0].title == "Apologies for absence"


# -- faults a council's site really shows -----------------------------------------------


def test_server_error_then_success_on_the_web_service(council_server: CouncilServer, http: HttpClient) -> None:
    council_server.add_fault("GetMeetings", "status", status=500, times=1)
    meetings = client(council_server, http).meetings("101", *WINDOW)
    assert len(meetings) == 3
    assert [e.status for e in council_server.requests("GetMeetings")] == [500, 200]


def test_billion_laughs_is_refused(council_server: CouncilServer, http: HttpClient) -> None:
    site = client(council_server, http, mode="webservice")
    council_server.add_fault("GetMeeting?", "billion_laughs", times=None)

    with pytest.raises(CouncilDataError) as caught:
        site.meeting("1001")

    assert caught.value.kind == "unsafe_xml"
    assert str(caught.value).startswith(
        "Fixture County Council sent XML with entity declarations or external references "
        "(EntitiesForbidden); memberdesk refuses these for safety: "
    )


def test_malformed_xml_is_named(council_server: CouncilServer, http: HttpClient) -> None:
    site = client(council_server, http, mode="webservice")
    council_server.add_fault("GetMeetings", "malformed", times=None)

    with pytest.raises(CouncilDataError) as caught:
        site.meetings("101", *WINDOW)

    assert caught.value.kind == "bad_xml"
    assert str(caught.value).startswith("Fixture County Council sent data that is not well-formed XML (")
    assert "GetMeetings?lCommitteeId=101" in str(caught.value)


def test_a_firewall_page_where_xml_was_due(council_server: CouncilServer, http: HttpClient) -> None:
    site = client(council_server, http, mode="webservice")
    council_server.add_fault("GetMeeting?", "firewall", times=None)

    with pytest.raises(CouncilDataError) as caught:
        site.meeting("1001")

    assert caught.value.kind == "html_not_xml"
    assert str(caught.value).startswith(
        "Fixture County Council answered with a web page where data was expected (perhaps a "
        "firewall challenge, a login or an error page); try again later: "
    )


def test_a_firewall_in_front_of_everything_fails_the_probe_clearly(
    council_server: CouncilServer, http: HttpClient
) -> None:
    council_server.add_fault("", "firewall", times=None)

    with pytest.raises(CouncilDataError) as caught:
        client(council_server, http).probe()

    assert caught.value.kind == "html_not_xml"
    message = str(caught.value)
    assert message.startswith("Fixture County Council answered with a web page")
    assert message.endswith(
        "(the SOAP service and the public pages did not work either, so "
        "Fixture County Council cannot be read; check the address)"
    )


def test_a_method_the_site_does_not_offer(council_server: CouncilServer, http: HttpClient) -> None:
    council_server.mode = "soap"
    site = client(council_server, http, mode="webservice")  # a stale choice of mode

    with pytest.raises(CouncilDataError) as caught:
        site.committees()

    assert caught.value.kind == "unknown_method"
    assert "Web Service method name is not valid" in str(caught.value)


def test_an_unreachable_site_is_not_probed_three_ways(http: HttpClient) -> None:
    with pytest.raises(FetchError) as caught:
        ModernGovClient("http://127.0.0.1:9", http, name="Nowhere").probe()
    assert caught.value.kind == "connection"
    assert http.stats().requests == 3  # one GET and its two retries, then we stop
