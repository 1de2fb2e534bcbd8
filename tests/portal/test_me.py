"""A member's own record at /me/: their data in full, history, who read it, the downloads;
and the keeper's invitations (the member page, a union's slips, the command line)."""

import json

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from congdoan.core.documents import pdf_text
from congdoan.members.privacy import read_person
from congdoan.portal.models import Invitation
from tests.portal.members import member, member_user


@pytest.fixture
def mai(world):
    user, person = member_user(world.dana, world.g1)
    client = Client()
    client.force_login(user)
    return client, person


def test_the_record_shows_their_own_data_in_full_and_logs_no_read(mai):
    client, person = mai
    body = client.get(reverse("portal:me")).content.decode()
    assert person.citizen_id in body and "0912345678" in body
    assert "Công đoàn Công ty TNHH Điện tử ASTI Hà Nội" in body
    assert not person.sensitive_reads.exists()


def test_who_read_my_data_lists_an_officer_reading(world, mai):
    client, person = mai
    read_person(world.dana, person)
    body = client.get(reverse("portal:reads")).content.decode()
    assert "dana" in body and "số CCCD" in body


def test_all_my_data_downloads_as_json_and_pdf(mai):
    client, person = mai
    data = json.loads(client.get(reverse("portal:export_json")).content)
    assert data["citizen_id"] == person.citizen_id
    assert data["memberships"][0]["union"] == "Công đoàn Công ty TNHH Điện tử ASTI Hà Nội"
    pdf = client.get(reverse("portal:export_pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert person.full_name in pdf_text(pdf.content)


def test_the_record_page_keeps_its_queries_few(mai, django_assert_max_num_queries):
    client, _person = mai
    with django_assert_max_num_queries(25):
        client.get(reverse("portal:me"))


def test_the_keeper_invites_from_the_member_page(world):
    person = member(world.dana, world.g1)
    client = Client()
    client.force_login(world.dana)
    url = reverse("portal:invite", args=[person.pk])
    assert client.post(url).status_code == 200 and not Invitation.objects.exists()
    body = client.post(url, {"handed": "on"}).content.decode()
    assert "/me/activate/" in body and Invitation.objects.count() == 1


def test_a_union_prints_slips_for_members_without_an_account(world, mai):
    _client, with_account = mai
    others = [member(world.dana, world.g1, full_name=n) for n in ("Hà Văn Một", "Hà Văn Hai")]
    client = Client()
    client.force_login(world.dana)
    response = client.post(reverse("portal:slips", args=[world.g1.pk]), {"handed": "on"})
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert all(p.full_name in text for p in others)
    assert with_account.full_name not in text
    assert Invitation.objects.count() == 2


def test_the_command_prints_an_invitation_as_json(world, capsys):
    person = member(world.dana, world.g1)
    call_command("members", "invite", person.code, "--json")
    row = json.loads(capsys.readouterr().out)
    assert set(row) == {"activation_url", "activation_code", "expires_on"}
    assert "/me/activate/" in row["activation_url"]


def test_the_command_refuses_an_unknown_code(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("members", "invite", "DV999999")
