"""literacy's models, one module each: people, governments and vocabulary (`core`), learning
plans (`plans`) and certificates (`certificates`). Importing the package registers them all."""

from .certificates import Certificate
from .core import (
    Audience,
    BilingualNameMixin,
    Jurisdiction,
    JurisdictionIndexPage,
    JurisdictionPage,
    LearningPlanIndexPage,
    LearningStatement,
    ScheduledJob,
    Topic,
    User,
    WorkerHeartbeat,
    current_language,
    current_language_is_french,
    validate_time_zone,
)
from .plans import LearningPlanPage, LearningPlanStep, PlanEnrolment, PlanStepCompletion, Principle

__all__ = [
    "Audience",
    "BilingualNameMixin",
    "Certificate",
    "Jurisdiction",
    "JurisdictionIndexPage",
    "JurisdictionPage",
    "LearningPlanIndexPage",
    "LearningPlanPage",
    "LearningPlanStep",
    "LearningStatement",
    "PlanEnrolment",
    "PlanStepCompletion",
    "Principle",
    "ScheduledJob",
    "Topic",
    "User",
    "WorkerHeartbeat",
    "current_language",
    "current_language_is_french",
    "validate_time_zone",
]
