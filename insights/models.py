"""Insights stores nothing of its own: this model only carries its two permissions.

- ``insights.view_insights``: the Insights pages and the admin home panel (given to
  the "Learning designers" group by lessons/groups.py).
- ``insights.view_learner_reports`` ("Learning reports"): see named learners. Never
  given by default; grant it in Settings > Groups to the few who need it.
"""

from django.db import models

VIEW_INSIGHTS = "insights.view_insights"
VIEW_LEARNER_REPORTS = "insights.view_learner_reports"


class InsightsPermissions(models.Model):
    class Meta:
        managed = False  # no table
        default_permissions = ()
        permissions = [
            ("view_insights", "Can view Insights (funnel, item analysis, pulse)"),
            ("view_learner_reports", "Learning reports: can see named learners"),
        ]

    def __str__(self) -> str:
        return "Insights permissions"
