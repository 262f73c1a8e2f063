package io.tidecrm.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.TeamSummary;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.ListQueryBinding;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The leaderboard (数据大榜) for everyone, and the facts behind a figure. Every role sees the
 * company's ranking, names and figures; what a figure is made of is listed only as far as the
 * viewer may see the customers.
 */
@Controller
class LeaderboardController {

    private final Leaderboard leaderboard;
    private final BoardDrillDown drillDown;
    private final UserManagement users;

    private final ReportExports exports;

    LeaderboardController(Leaderboard leaderboard, BoardDrillDown drillDown, UserManagement users,
            ReportExports exports) {
        this.leaderboard = leaderboard;
        this.exports = exports;
        this.drillDown = drillDown;
        this.users = users;
    }

    /**
     * What the address asks for, with defaults for what it leaves out or gets wrong, and the
     * message keys of what was wrong (each names the field).
     */
    record Resolved(Board board, Period period, Long teamId, List<String> problems) {
    }

    @GetMapping("/leaderboard")
    String leaderboard(@ModelAttribute("filter") LeaderboardFilter filter, WebRequest request,
            @AuthenticationPrincipal CurrentUser viewer, Model model) {
        List<TeamSummary> teams = users.findTeams();
        Resolved r = resolve(filter, request, teams);
        model.addAttribute("view", r);
        model.addAttribute("ranking", leaderboard.rank(r.board(), r.period(), r.teamId(), viewer));
        model.addAttribute("teams", teams);
        model.addAttribute("boards", Board.values());
        model.addAttribute("kinds", Period.Kind.values());
        model.addAttribute("today", leaderboard.today());
        return "report/leaderboard";
    }

    /** The ranking as shown, as an .xlsx file: for managers and administrators (a POST: it is audited). */
    @org.springframework.web.bind.annotation.PostMapping("/leaderboard/export")
    void export(@ModelAttribute("filter") LeaderboardFilter filter, WebRequest request,
            @AuthenticationPrincipal CurrentUser viewer, java.util.Locale locale,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        ReportExports.requireExporter(viewer);
        List<TeamSummary> teams = users.findTeams();
        Resolved r = resolve(filter, request, teams);
        String teamName = teams.stream().filter(t -> r.teamId() != null && t.id() == r.teamId())
                .map(TeamSummary::name).findFirst().orElse(null);
        exports.leaderboard(leaderboard.rank(r.board(), r.period(), r.teamId(), viewer), teamName, viewer, locale,
                response);
    }

    @GetMapping("/leaderboard/facts")
    String facts(@ModelAttribute("filter") LeaderboardFilter filter, WebRequest request,
            @AuthenticationPrincipal CurrentUser viewer, Model model) {
        List<TeamSummary> teams = users.findTeams();
        Resolved r = resolve(filter, request, teams);
        UserSummary user = filter.user() == null ? null : users.findUser(filter.user()).orElse(null);
        if (user == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("view", r);
        model.addAttribute("user", user);
        model.addAttribute("live", r.period().contains(leaderboard.today()));
        model.addAttribute("facts", drillDown.facts(r.board(), user.id(), r.period(), r.teamId(), viewer));
        model.addAttribute("team", teams.stream().filter(t -> t.id() == (r.teamId() == null ? -1 : r.teamId()))
                .findFirst().orElse(null));
        return "report/facts";
    }

    private Resolved resolve(LeaderboardFilter filter, WebRequest request, List<TeamSummary> teams) {
        List<String> problems = new ArrayList<>();
        Set<String> leftOut = ListQueryBinding.leftOut(request);
        for (String field : List.of("board", "period", "date", "from", "to", "team")) {
            if (leftOut.contains(field)) {
                problems.add("report.problem." + field);
            }
        }
        LocalDate today = leaderboard.today();
        Board board = filter.board() == null ? Board.PAYMENTS : filter.board();
        Period.Kind kind = filter.period() == null ? Period.Kind.DAY : filter.period();
        Period period = Period.resolve(kind, filter.date(), filter.from(), filter.to(), today, leftOut, problems,
                Period.Kind.DAY, "report.problem.");
        Long teamId = filter.team();
        if (teamId != null && teams.stream().noneMatch(t -> t.id() == filter.team())) {
            problems.add("report.problem.team");
            teamId = null;
        }
        return new Resolved(board, period, teamId, problems);
    }
}
