"""The ordered list of topics. Tabs, ``--tab``, ``--list-tabs``, tests and docs all iterate it.

Views are imported only when a tab is first built, so start-up does not pay for every topic.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from explorer.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Topic:
    id: str
    title: str  # English; shown through translate("Topic", title)
    post_title: str
    post_url: str
    view: str  # "module:Class"

    def tab_class(self):
        module_name, _, class_name = self.view.partition(":")
        return getattr(importlib.import_module(module_name), class_name)


TOPICS: tuple[Topic, ...] = (
    Topic(
        "topk",
        QT_TRANSLATE_NOOP("Topic", "Smooth Top-k"),
        "Softmax后传：寻找Top-K的光滑近似",
        "https://kexue.fm/archives/10373",
        "explorer.topk.view:TopkTab",
    ),
    Topic(
        "abc",
        QT_TRANSLATE_NOOP("Topic", "N = ab + c"),
        "自然数集中 N = ab + c 时 a + b + c 的最小值",
        "https://kexue.fm/archives/9775",
        "explorer.ab_plus_c.view:AbcTab",
    ),
    Topic(
        "sampling",
        QT_TRANSLATE_NOOP("Topic", "Sampling trajectories"),
        "生成扩散模型漫谈(二十四)：少走捷径，更快到达",
        "https://kexue.fm/archives/10077",
        "explorer.sampling.view:SamplingTab",
    ),
    Topic(
        "spacetime",
        QT_TRANSLATE_NOOP("Topic", "Spacetime symmetry"),
        "相对论、对称和第四维",
        "https://kexue.fm/archives/1602",
        "explorer.spacetime.view:SpacetimeTab",
    ),
    Topic(
        "healing",
        QT_TRANSLATE_NOOP("Topic", "Token healing"),
        "大词表语言模型在续写任务上的一个问题及对策",
        "https://kexue.fm/archives/9762",
        "explorer.healing.view:HealingTab",
    ),
)


def topic(topic_id: str) -> Topic:
    for entry in TOPICS:
        if entry.id == topic_id:
            return entry
    raise ValueError(f"unknown tab {topic_id!r}; choose one of: {', '.join(t.id for t in TOPICS)}")


def specs_for(tab_id: str):
    """A tab's parameter specs, the lookup lesson files are checked with; KeyError for an unknown tab. Imports the
    tab's view (Qt)."""
    return _tab_class(tab_id).specs


def view_specs_for(tab_id: str):
    """A tab's view entries (animation frame, page, ...) as specs, to check scenes with; KeyError for an unknown
    tab. Imports the tab's view (Qt)."""
    return _tab_class(tab_id).view_specs


def _tab_class(tab_id: str):
    try:
        return topic(tab_id).tab_class()
    except ValueError:
        raise KeyError(tab_id) from None
