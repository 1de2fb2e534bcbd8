"""Back office for users and their roles; an administrator's password reset and 2FA reset."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm, AdminUserCreationForm
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from congdoan.accounts.models import Role, User
from congdoan.accounts.passwords import temporary_password
from congdoan.audit.services import audit_record


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["unit"]


class SetByAdministrator:
    """A password an administrator typed is temporary: the user changes it at next sign-in."""

    def save(self, commit=True):
        self.user.must_change_password = True
        return super().save(commit)


class TemporaryPasswordForm(SetByAdministrator, AdminPasswordChangeForm):
    pass


class NewUserForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User

    def save(self, commit=True):
        self.instance.must_change_password = True
        return super().save(commit)


def reset_password(*, actor, user: User) -> str:
    """A new random temporary password; the user's sessions end and the next sign-in asks for a
    new password."""
    password = temporary_password()
    with transaction.atomic():
        user.set_password(password)
        user.must_change_password = True
        user.save(update_fields=["password", "must_change_password"])
        audit_record(actor=actor, action="account.password_reset", target=user.username)
    return password


def reset_second_factor(*, actor, user: User) -> None:
    """For a lost phone: the user's devices and recovery codes are removed; a user who must
    have a second factor enrols again at next sign-in."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        audit_record(actor=actor, action="account.otp_reset", target=user.username)


@admin.register(User)
class CongdoanUserAdmin(UserAdmin):
    inlines = [RoleInline]
    change_password_form = TemporaryPasswordForm
    add_form = NewUserForm
    list_display = [*UserAdmin.list_display, "must_change_password"]
    fieldsets = [
        *UserAdmin.fieldsets,
        (gettext_lazy("Bảo mật"), {"fields": ["must_change_password"]}),
    ]
    actions = ["reset_passwords", "reset_second_factors"]

    @admin.action(description=gettext_lazy("Đặt mật khẩu tạm (buộc đổi khi đăng nhập)"))
    def reset_passwords(self, request, queryset):
        for user in queryset.order_by("username"):
            password = reset_password(actor=request.user, user=user)
            messages.warning(
                request,
                _(
                    "Mật khẩu tạm của %(user)s: %(password)s — chỉ hiện một lần; người dùng phải "
                    "đổi khi đăng nhập."
                )
                % {"user": user.username, "password": password},
            )

    @admin.action(description=gettext_lazy("Gỡ xác thực hai bước (mất điện thoại)"))
    def reset_second_factors(self, request, queryset):
        for user in queryset.order_by("username"):
            reset_second_factor(actor=request.user, user=user)
        messages.success(
            request,
            _("Đã gỡ xác thực hai bước của %(count)d người dùng.") % {"count": queryset.count()},
        )


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "unit"]
    list_filter = ["kind"]
    list_select_related = ["user", "unit"]
    autocomplete_fields = ["user", "unit"]
