from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import QuizAdminForm
from .models import Quiz


class QuizCreationForm(QuizAdminForm):
    """The quiz chooser's "Create" tab: the fields a quiz needs; the rest keep their defaults."""

    class Meta:
        model = Quiz
        fields = ["title", "questions"]


class QuizChooserCreateView(SnippetCreateView):
    """A quiz made in the lesson's quiz chooser is published at once, if the author may publish.

    It can only be reached through the lesson that chooses it, so learners see it
    when that lesson is published; the lesson preview shows it before then.
    """

    def save_form(self, form):
        quiz = form.save(commit=False)
        quiz.live = False
        quiz.save()
        log(instance=quiz, action="wagtail.create", user=self.request.user)
        revision = quiz.save_revision(user=self.request.user)
        if self.request.user.has_perm("quizzes.publish_quiz"):
            revision.publish(user=self.request.user)
        return quiz


class QuizChooserViewSet(SnippetChooserViewSet):
    """The lesson's quiz chooser, with a "Create" tab: title and questions, the rest defaults."""

    creation_form_class = QuizCreationForm
    create_view_class = QuizChooserCreateView
    create_action_label = "Create and publish quiz"
    create_action_clicked_label = "Creating…"
    creation_tab_label = "Create a new quiz"


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "help"
    menu_label = "Quizzes"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "pass_mark", "max_attempts", "live"]
    search_fields = ["title"]
    chooser_viewset_class = QuizChooserViewSet


register_snippet(QuizViewSet)
