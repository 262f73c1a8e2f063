package io.tidecrm.report.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.TeamSummary;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.Flash;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Monthly targets (业绩目标): a manager sets them for the reps of the teams they lead and for
 * those teams, an administrator for any team. Reps only see theirs beside their rank.
 */
@Controller
class TargetController {

    static final Board[] BOARDS = { Board.PAYMENTS, Board.CONTRACT_AMOUNT, Board.NEW_CUSTOMERS };
    private static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private final Targets targets;
    private final UserManagement users;
    private final Leaderboard leaderboard;

    TargetController(Targets targets, UserManagement users, Leaderboard leaderboard) {
        this.targets = targets;
        this.users = users;
        this.leaderboard = leaderboard;
    }

    /** A row of the grid: the team itself (user null) or one of its reps. */
    record Line(String key, String name, boolean team) {
    }

    @GetMapping("/targets")
    String page(@RequestParam(required = false) String month, @RequestParam(required = false) String team,
            @AuthenticationPrincipal CurrentUser viewer, Model model) {
        List<TeamSummary> teams = teamsOf(viewer);
        YearMonth m = parseMonth(month);
        TeamSummary t = pick(teams, team);
        if (m == null && month != null && !month.isBlank()) {
            model.addAttribute("problem", "report.targets.month.invalid");
        }
        m = m == null ? YearMonth.from(leaderboard.today()) : m;
        Map<String, String> values = new LinkedHashMap<>();
        if (t != null) {
            List<UserSummary> members = members(t);
            targets.month(m, t.id(), members.stream().map(UserSummary::id).toList())
                    .forEach((k, v) -> values.put(k, v.stripTrailingZeros().toPlainString()));
        }
        return show(model, teams, t, m, values, Map.of());
    }

    @PostMapping("/targets")
    String save(@RequestParam String month, @RequestParam String team, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal CurrentUser viewer, Model model, RedirectAttributes redirect) {
        List<TeamSummary> teams = teamsOf(viewer);
        TeamSummary t = pick(teams, team);
        YearMonth m = parseMonth(month);
        if (t == null || m == null) {
            Flash.error(redirect, m == null ? "report.targets.month.invalid" : "report.targets.team.invalid");
            return "redirect:/targets";
        }
        List<Line> lines = lines(t, members(t));
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (Line line : lines) {
            for (Board b : BOARDS) {
                String name = b.name() + ":" + line.key();
                String raw = params.getOrDefault(name, "").strip().replace(",", "");
                typed.put(name, raw);
                if (raw.isEmpty()) {
                    amounts.put(name, null);
                    continue;
                }
                try {
                    BigDecimal amount = new BigDecimal(raw);
                    if (amount.signum() < 0 || amount.compareTo(MAX) > 0 || amount.scale() > 2) {
                        errors.put(name, "report.targets.amount.range");
                    } else {
                        amounts.put(name, amount);
                    }
                } catch (NumberFormatException e) {
                    errors.put(name, "report.targets.amount.invalid");
                }
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("problem", "report.targets.invalid");
            return show(model, teams, t, m, typed, errors);
        }
        amounts.forEach((name, amount) -> {
            String[] parts = name.split(":");
            Board board = Board.valueOf(parts[0]);
            long id = Long.parseLong(parts[1].substring(1));
            boolean isTeam = parts[1].startsWith("T");
            targets.set(board, m, isTeam ? null : id, isTeam ? id : null, amount, viewer.id());
        });
        Flash.success(redirect, "report.targets.saved", t.name(), m.toString());
        return "redirect:/targets?month=" + m + "&team=" + t.id();
    }

    private String show(Model model, List<TeamSummary> teams, TeamSummary team, YearMonth month,
            Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("teams", teams);
        model.addAttribute("team", team);
        model.addAttribute("month", month);
        model.addAttribute("boards", BOARDS);
        model.addAttribute("lines", team == null ? List.of() : lines(team, members(team)));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "report/targets";
    }

    private List<TeamSummary> teamsOf(CurrentUser viewer) {
        if (viewer.isAdmin()) {
            return users.findTeams();
        }
        if (viewer.isManager()) {
            return users.findTeams().stream().filter(t -> t.managerId() != null && t.managerId() == viewer.id())
                    .toList();
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }

    private static TeamSummary pick(List<TeamSummary> teams, String team) {
        if (team == null || team.isBlank()) {
            return teams.isEmpty() ? null : teams.get(0);
        }
        return teams.stream().filter(t -> String.valueOf(t.id()).equals(team.strip())).findFirst().orElse(null);
    }

    private List<UserSummary> members(TeamSummary team) {
        return users.findTeamMembers(team.id()).stream().filter(u -> u.role() == io.tidecrm.identity.Role.REP)
                .toList();
    }

    private static List<Line> lines(TeamSummary team, List<UserSummary> members) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("T" + team.id(), team.name(), true));
        members.forEach(u -> lines.add(new Line("U" + u.id(), u.displayName(), false)));
        return lines;
    }

    private static YearMonth parseMonth(String month) {
        if (month == null || month.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
