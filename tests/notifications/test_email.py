"""E-mail of notices, per user: each notice mailed once it is kept, a daily digest of the new
notices and the steps waiting, or none; nothing mailed twice, nothing to an empty address."""

from datetime import date
from io import StringIO

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from congdoan.notices.mail import send_digests
from congdoan.notices.models import EmailChoice, Notice, Preference
from congdoan.notices.selectors import email_choice
from congdoan.notices.services import email_choose, notify
from congdoan.notifications.tasks import waiting_lines
from tests.notifications.test_inbox import chain  # noqa: F401  (the fixture)

DAY = date(2020, 2, 7)


def _with_mail(user, choice, address="cb@example.vn"):
    user.email = address
    user.save()
    if choice:
        email_choose(actor=user, choice=choice)
    return user


def test_each_mails_the_notice_once_it_is_kept(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    dana = _with_mail(world.dana, EmailChoice.EACH)
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=dana, title="Đã ghi xong danh sách", link="/imports/3/")
    [mail] = mailoutbox
    assert mail.to == ["cb@example.vn"] and mail.subject == "Đã ghi xong danh sách"
    assert "/imports/3/" in mail.body
    assert Notice.objects.get(user=dana).mailed_at is not None
    assert send_digests(on=DAY) == 0 and len(mailoutbox) == 1  # not again in a digest


def test_nothing_is_mailed_before_the_step_is_kept(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    dana = _with_mail(world.dana, EmailChoice.EACH)
    with django_capture_on_commit_callbacks(execute=False):
        notify(user=dana, title="X")
    assert mailoutbox == []


def test_digest_is_one_mail_a_day_with_the_new_notices_and_the_steps_waiting(
    world,
    chain,  # noqa: F811
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    keeper, other_keeper, nomination = chain
    keeper = _with_mail(keeper, None)  # no choice made: the digest
    _with_mail(other_keeper, EmailChoice.NONE, "khac@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=keeper, title="Thông báo một")
        notify(user=keeper, title="Thông báo hai")
        notify(user=other_keeper, title="Không gửi")
    assert mailoutbox == []  # a digest user is not mailed at notify time
    assert send_digests(on=DAY, waiting=waiting_lines) == 1
    [mail] = mailoutbox
    assert mail.to == ["cb@example.vn"]
    assert "Thông báo một" in mail.body and "Thông báo hai" in mail.body
    assert nomination.person.full_name in mail.body  # the step waiting on the keeper
    assert "2 thông báo, 1 việc đang chờ" in mail.subject
    assert send_digests(on=DAY) == 0  # its notices are mailed; nothing new, nothing waiting


def test_none_never_mails_and_an_empty_address_is_not_mailed(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    _with_mail(world.dana, EmailChoice.NONE)
    charlie = _with_mail(world.charlie, EmailChoice.EACH, "")
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=world.dana, title="A")
        notify(user=charlie, title="B")
    out = StringIO()
    call_command("notices", "digest", "--on", "2020-02-07", stdout=out)
    assert mailoutbox == [] and "Đã gửi 0 thư" in out.getvalue()


def test_the_user_chooses_on_the_settings_page_and_a_bad_choice_is_refused(world):
    client = Client()
    client.force_login(world.dana)
    url = reverse("notifications:settings")
    assert client.get(url).status_code == 200
    assert email_choice(world.dana) == EmailChoice.DIGEST
    answer = client.post(url, {"email": "each"})
    assert answer.status_code == 302 and email_choice(world.dana) == EmailChoice.EACH
    answer = client.post(url, {"email": "often"})
    assert answer.status_code == 200 and "often" in answer.content.decode()
    assert Preference.objects.get(user=world.dana).email == EmailChoice.EACH
    assert email_choice(world.charlie) == EmailChoice.DIGEST  # only one's own


def test_the_digest_walks_officers_and_users_with_notices_only(world):
    from congdoan.accounts.models import User
    from congdoan.notices.mail import _digest_users

    plain = User.objects.create_user("thanh", email="thanh@example.vn")
    _with_mail(world.dana, None)
    assert world.dana in _digest_users() and plain not in _digest_users()
    notify(user=plain, title="Đơn đã được trả lời")
    assert plain in _digest_users()
