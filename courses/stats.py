"""What a demo course asks of a learner: words to read, questions to answer, minutes."""

import re

import yaml

LINK = re.compile(r"\]\((https?://[^)\s]+)\)")
READING_WORDS_PER_MINUTE = 200
ACTIVITY_MINUTES = 5
ACTIVITY_HEADINGS = ("## Try it", "## À vous de jouer")


def split(path):
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def questions_asked(meta):
    """How many questions one attempt asks: `quiz_draw` of a bank, or the whole quiz."""
    bank = len(meta.get("quiz", []))
    return min(meta.get("quiz_draw") or bank, bank)


def learner_words(meta, body):
    """Words a learner reads in a lesson: its text (link targets left out) and, of a question bank,
    the share one attempt asks (questions, options and feedback)."""
    quiz = meta.get("quiz", [])
    quiz_words = len(
        " ".join(
            q["question"] + " " + " ".join(o["text"] + " " + o.get("feedback", "") for o in q["options"]) for q in quiz
        ).split()
    )
    share = questions_asked(meta) / len(quiz) if quiz else 0
    return len(LINK.sub("]", body).split()) + round(quiz_words * share)


def course_figures(folder):
    """{"lessons", "words", "questions", "activities", "minutes", "declared"} of one language folder."""
    course, _body = split(folder / "course.md")
    lessons = [split(path) for path in sorted(folder.glob("*.md")) if path.name != "course.md"]
    words = sum(learner_words(meta, body) for meta, body in lessons)
    activities = sum(any(heading in body for heading in ACTIVITY_HEADINGS) for _meta, body in lessons)
    return {
        "title": course["title"],
        "lessons": len(lessons),
        "words": words,
        "questions": sum(len(meta.get("quiz", [])) for meta, _body in lessons),
        "asked": sum(questions_asked(meta) for meta, _body in lessons),
        "activities": activities,
        "minutes": round(words / READING_WORDS_PER_MINUTE + activities * ACTIVITY_MINUTES),
        "declared": course.get("duration"),
    }
