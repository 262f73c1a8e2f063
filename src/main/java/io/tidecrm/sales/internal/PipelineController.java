package io.tidecrm.sales.internal;

import java.util.List;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.FlashMessage;
import io.tidecrm.support.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The pipeline views: the kanban board, whose cards are dragged to another stage
 * ({@code static/js/board.js} posts the move and swaps in the board this answers), and the
 * forecast.
 */
@Controller
class PipelineController {

    private static final String BOARD = "sales/board :: board";

    private final OpportunityService opportunities;
    private final OpportunityQueries queries;

    PipelineController(OpportunityService opportunities, OpportunityQueries queries) {
        this.opportunities = opportunities;
        this.queries = queries;
    }

    @GetMapping("/opportunities/board")
    String board(@ModelAttribute("boardQuery") BoardQuery query, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        populate(query, user, model);
        model.addAttribute("owners", queries.ownerChoices(user));
        return "sales/board";
    }

    /**
     * A card dropped on another column (or the lost-reason form of the board). Answers the
     * board as saved, with what went wrong: 409 when the card was stale, 422 when a rule
     * refused the move (for lost without a reason, with the form that asks for it).
     */
    @PostMapping(path = "/opportunities/{id}/stage", headers = "HX-Request")
    String move(@PathVariable long id, @ModelAttribute("stageForm") StageForm form, BindingResult binding,
            @ModelAttribute("boardQuery") BoardQuery query, @AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletResponse response) {
        FlashMessage message;
        try {
            if (binding.hasErrors() || form.stage() == null) {
                opportunities.loadVisible(id, user);
                throw new RuleViolation("stage", "opportunity.stage.invalid");
            }
            opportunities.moveStage(id, form, user);
            message = new FlashMessage("success", "opportunity.stageSaved", List.of());
        } catch (RuleViolation e) {
            boolean stale = "opportunity.stale".equals(e.messageKey());
            response.setStatus(stale ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
            message = FlashMessage.of(stale ? "warning" : "danger", e.messageKey(), e.args());
            if (e.concerns("lostReason")) {
                model.addAttribute("reasonFor", id);
            }
        }
        model.addAttribute("boardMessage", message);
        populate(query, user, model);
        return BOARD;
    }

    @GetMapping("/opportunities/forecast")
    String forecast(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("forecast", queries.forecast(user));
        return "sales/forecast";
    }

    private void populate(BoardQuery query, CurrentUser user, Model model) {
        model.addAttribute("board", queries.board(query.ownerFor(user), user));
    }
}
