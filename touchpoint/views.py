"""Site-wide views that belong to no app: the sign-in page with its lockout message."""

from django.contrib.auth import views as auth_views

from .lockout import LOCKED_OUT_MESSAGE, lockout_minutes, login_locked_out


class LoginView(auth_views.LoginView):
    """Django's LoginView; once the failed-attempt limit is reached it answers 429 and says so.

    The refusal itself happens in touchpoint.lockout.LockoutModelBackend, before
    the password is checked; this view only explains it.
    """

    def form_invalid(self, form):
        username = form.data.get("username", "")
        if not login_locked_out(self.request, username):
            return super().form_invalid(form)
        form.errors.clear()
        form.add_error(None, LOCKED_OUT_MESSAGE.format(minutes=lockout_minutes()))
        return self.render_to_response(self.get_context_data(form=form), status=429)
