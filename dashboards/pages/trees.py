"""The decision trees page: walk tree A, B or C step by step (Images 4 to 6 of the guide).

Each step shows its wording, the guide's numbered comment and its lines; a step or a
link reconstructed from the comments says "(inféré)". The guide's warning that the trees
never override clinical judgement stays at the top of the page. The walk follows only
the links of :data:`concert.framework.DECISION_TREES` (:func:`concert.trees.answer`),
links to another tree included. Finishing a walk gives the fields of a call
(:func:`concert.trees.finish`); for the liaison role, it opens the call form prefilled
(:class:`dashboards.pages.calls.CallForm`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import panel as pn
import param

from concert import framework as fw
from concert import i18n, trees
from dashboards._common import TABLE_CSS, bind, esc, html_table, message_html, row_tuples, tr
from dashboards.pages.base import Page
from dashboards.pages.calls import DESK_CSS, CallForm, may_log

__all__ = ["TreesPage", "answer_text", "step_html", "tree_table_html"]

TREE_CSS = DESK_CSS + """
.step-code { font-weight: 700; color: #0B4F8A; margin: 0.2em 0; font-size: 1.05em; }
.step-text { font-size: 1.25em; margin: 0.2em 0 0.4em 0; color: #111; }
.inferred { font-style: italic; color: #6B3A00; font-weight: 400; }
.comment { border-left: 6px solid #8a8a8a; background: #F4F4F4; padding: 0.3em 0.9em; }
.comment .label { font-weight: 700; margin: 0.2em 0; }
.path { color: #3d3d3d; }
"""
MAX_ANSWERS = max(len(t.links_from(s.code)) for t in fw.DECISION_TREES for s in t.steps)
"""The most answers a step offers."""
BUTTON_CSS = """
.bk-btn { white-space: normal; text-align: left; font-size: 1em; min-height: 44px;
  line-height: 1.3; }
.bk-btn-light { color: #0B2F52; background: #fff; border: 1px solid #7d94ab; }
.bk-btn-light:hover { background: #EAF2FA; }
.bk-btn:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
"""


def _mark(inferred: bool, lang: str) -> str:
    return f' <span class="inferred">{esc(tr("desk.tree.inferred_mark", lang))}</span>' \
        if inferred else ""


def target_text(target: str, lang: str) -> str:
    """Where a link leads, in words: a step's code, another tree, or the end."""
    if target == fw.TREE_END:
        return tr("tree.end", lang)
    if target.startswith("tree:"):
        return tr("tree.goes_to", lang, tree=target[5:])
    return target


def answer_text(link: fw.TreeLink, lang: str) -> str:
    """A link as its button reads: the answer, where it leads, "(inféré)" if inferred."""
    text = f"{i18n.answer_label(link.answer, lang)} → {target_text(link.target, lang)}"
    if link.inferred:
        text += " " + tr("desk.tree.inferred_mark", lang)
    return text


def step_html(walk: trees.Walk, lang: str) -> str:
    """The current step: its code, wording, the guide's comment, the path so far."""
    path = " → ".join(walk.path)
    out = [f'<p class="path">{esc(tr("desk.tree.path", lang, path=path))}</p>']
    if walk.done:
        end = esc(tr("tree.end", lang))
        return "".join(out) + f'<p class="step-code" data-step="end">{end}</p>'
    step = fw.decision_tree(walk.tree).step(walk.step)
    out.append(f'<p class="step-code" data-step="{esc(step.code)}">'
               f'{esc(tr("desk.tree.step", lang, code=step.code))}'
               f"{_mark(step.inferred, lang)}</p>")
    out.append(f'<p class="step-text">{esc(i18n.step_label(step.code, lang))}</p>')
    if step.inferred:
        out.append(f'<p class="small inferred">{esc(tr("tree.inferred", lang))}</p>')
    out.append(f'<div class="comment"><p class="label">'
               f'{esc(tr("desk.tree.comment", lang, source=step.source))}</p>'
               f"<p>{esc(i18n.step_comment(step.code, lang))}</p></div>")
    if walk.can_finish:
        out.append(f'<p><strong>{esc(tr("desk.tree.can_finish", lang))}</strong></p>')
    return "".join(out)


def tree_table_html(tree: str, lang: str) -> str:
    """The whole tree as a table: each step, its answers and where they lead."""
    frame = trees.tree_frame(tree, lang=lang)
    rows = []
    for r in row_tuples(frame):
        rows.append((f"{esc(r.step)}{_mark(bool(r.step_inferred), lang)}", esc(r.text),
                     esc(r.answer_label),
                     (f"{esc(target_text(r.target, lang))}{_mark(bool(r.link_inferred), lang)}"
                      if r.target else "")))
    return html_table([tr("desk.tree.col.step", lang), tr("desk.tree.choose", lang),
                       tr("desk.tree.col.answer", lang), tr("desk.tree.col.target", lang)],
                      rows, raw=True, caption=tr("desk.tree.whole", lang, tree=tree))


class Walker(param.Parameterized):
    """Where the page's walk stands."""

    walk = param.Parameter(doc="The current trees.Walk.")
    trail = param.List(default=[], doc="The walks before (for 'one step back').")
    finished = param.Dict(default=None, allow_None=True,
                          doc="The call's fields once the walk is finished.")


class TreesPage(Page):
    """"Arbres de décision": walking tree A, B or C, the guide's comment at each step."""

    slug = "trees"

    def __init__(self, state: Any, **params: Any) -> None:
        super().__init__(state, **params)
        self.walker = Walker(walk=trees.start("A"))
        self.form: CallForm | None = None

    # ---------------------------------------------------------------- walking
    def choose(self, tree: str) -> None:
        """Start tree ``tree`` again."""
        self.walker.param.update(walk=trees.start(tree), trail=[], finished=None)

    def give(self, answer: str) -> None:
        """Answer ``answer`` at the current step."""
        w = self.walker
        w.param.update(trail=[*w.trail, w.walk], walk=trees.answer(w.walk, answer),
                       finished=None)

    def back(self) -> None:
        """One step back."""
        w = self.walker
        if w.trail:
            w.param.update(walk=w.trail[-1], trail=w.trail[:-1], finished=None)

    def finish(self, *, log: bool = False) -> dict[str, Any]:
        """Finish the walk: the call's fields; with ``log``, prefill the call form."""
        fields = trees.finish(self.walker.walk, on=self.state.today())
        self.walker.finished = fields
        if log and self.form is not None:
            self.form.prefill(fields)
        return fields

    # ---------------------------------------------------------------- layout
    def _answer_buttons(self) -> list[Any]:
        """A fixed set of answer buttons: each shows one answer of the current step.

        The buttons are made once and relabelled at each step (no model is made or
        dropped while the browser may still be sending a click).
        """
        buttons = []

        def on_answer(i: int) -> Callable[[Any], None]:
            return lambda _e: self._clicked(i)

        for i in range(MAX_ANSWERS):
            b = pn.widgets.Button(label="", color="light", visible=False,
                                  css_classes=["tree-answer", f"answer-{i}"],
                                  stylesheets=[BUTTON_CSS], min_width=260, max_width=640,
                                  sizing_mode="stretch_width")
            b.on_click(on_answer(i))
            buttons.append(b)
        return buttons

    def _clicked(self, i: int) -> None:
        links = trees.options(self.walker.walk)
        if i < len(links):
            self.give(links[i].answer)

    def _relabel(self, buttons: list[Any]) -> None:
        links = trees.options(self.walker.walk)
        for i, b in enumerate(buttons):
            if i < len(links):
                b.param.update(label=answer_text(links[i], self.lang), visible=True)
            else:
                b.param.update(label="", visible=False)

    def build(self) -> pn.viewable.Viewable:
        """The page: the warning, the tree's buttons, the step, its answers, the end."""
        walker = self.walker
        lang_ref = self.param.lang
        # The guide's warning stays in sight while the walk scrolls the page.
        warning = self.html(lambda: message_html(tr("tree.warning", self.lang), "warning"),
                            TABLE_CSS + DESK_CSS, css_classes=["clinical-warning"],
                            styles={"position": "sticky", "top": "0", "z-index": "5",
                                    "background": "#ffffff"})
        head = self.html(lambda: f"<h2>{esc(tr('desk.tree.title', self.lang))}</h2>"
                         f"<p>{esc(tr('desk.tree.intro', self.lang))}</p>", DESK_CSS)
        choices = []

        def on_choice(code: str) -> Callable[[Any], None]:
            return lambda _e: self.choose(code)

        for t in fw.DECISION_TREES:
            b = pn.widgets.Button(
                label=bind(lambda lang, t=t: i18n.label("call_tree", t.code, lang),
                           lang_ref),
                color=bind(lambda w, t=t: "primary" if w.first_tree == t.code
                                 else "light", walker.param.walk),
                css_classes=["tree-choice", f"tree-{t.code}"], stylesheets=[BUTTON_CSS],
                min_width=240, sizing_mode="stretch_width")
            b.on_click(on_choice(t.code))
            choices.append(b)
        step = pn.pane.HTML(bind(lambda w, lang: step_html(w, lang), walker.param.walk,
                                 lang_ref), stylesheets=[TREE_CSS],
                            sizing_mode="stretch_width", css_classes=["tree-step"])
        answers_title = self.html(lambda: f"<h3>{esc(tr('desk.tree.answers', self.lang))}</h3>",
                                  DESK_CSS, visible=bind(lambda w: not w.done,
                                                         walker.param.walk))
        buttons = self._answer_buttons()
        self._relabel(buttons)
        answers = pn.Column(*buttons, sizing_mode="stretch_width")

        def redraw(*_: Any) -> None:
            self._relabel(buttons)

        walker.param.watch(redraw, "walk")
        self.param.watch(redraw, "lang")
        back = pn.widgets.Button(label=self.text("desk.tree.back"), color="light",
                                 css_classes=["tree-back"], stylesheets=[BUTTON_CSS],
                                 disabled=bind(lambda t: not t, walker.param.trail))
        back.on_click(lambda _e: self.back())
        restart = pn.widgets.Button(label=self.text("desk.tree.restart"), color="light",
                                    css_classes=["tree-restart"], stylesheets=[BUTTON_CSS])
        restart.on_click(lambda _e: self.choose(walker.walk.first_tree))
        can_finish = pn.bind(lambda w: not w.can_finish, walker.param.walk)
        finish = pn.widgets.Button(label=self.text("desk.tree.finish"), color="primary",
                                   css_classes=["tree-finish"], stylesheets=[BUTTON_CSS],
                                   disabled=can_finish)

        def on_finish(_e: Any) -> None:
            self.finish()

        finish.on_click(on_finish)
        controls: list[Any] = [back, restart, finish]
        extra: list[Any] = []
        if may_log(self.state) and self.state.can_save and self.state.region is not None:
            self.form = CallForm(self)
            log = pn.widgets.Button(label=self.text("desk.tree.finish_log"),
                                    color="primary", css_classes=["tree-finish-log"],
                                    stylesheets=[BUTTON_CSS], disabled=can_finish)

            def on_finish_log(_e: Any) -> None:
                self.finish(log=True)

            log.on_click(on_finish_log)
            controls.append(log)
            prefilled = self.html(lambda: message_html(tr("desk.tree.prefilled", self.lang),
                                                       "info"), DESK_CSS)
            extra.append(pn.Column(prefilled, self.form.panel(), sizing_mode="stretch_width",
                                   visible=bind(lambda f: f is not None,
                                                walker.param.finished)))

        def done(fields: dict[str, Any] | None, lang: str) -> str:
            if not fields:
                return ""
            return message_html(tr(
                "desk.tree.done", lang, tree=i18n.label("call_tree", fields["tree"], lang),
                action=i18n.label("call_action", fields["action"], lang)
                if fields["action"] else tr("desk.none", lang),
                outcome=i18n.label("call_outcome", fields["outcome"], lang),
                date=fields["reevaluate_on"].isoformat()), "success")

        summary = pn.pane.HTML(pn.bind(done, walker.param.finished, lang_ref),
                               stylesheets=[DESK_CSS], sizing_mode="stretch_width",
                               css_classes=["tree-done"])
        whole = pn.Card(
            pn.pane.HTML(bind(lambda w, lang: tree_table_html(w.tree, lang),
                              walker.param.walk, lang_ref), stylesheets=[TREE_CSS],
                         sizing_mode="stretch_width"),
            title=bind(lambda w, lang: tr("desk.tree.whole", lang, tree=w.tree),
                       walker.param.walk, lang_ref),
            collapsed=True, sizing_mode="stretch_width")
        return self.column(head, warning, pn.Row(*choices, sizing_mode="stretch_width"),
                           step, answers_title, answers, pn.Row(*controls), summary,
                           *extra, whole)
