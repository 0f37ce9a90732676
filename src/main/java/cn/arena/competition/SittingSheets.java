package cn.arena.competition;

import cn.arena.shared.Messages;
import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Times;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The papers of a sitting an organizer prints (as xlsx until PDF comes): the sign-in sheet (签到表), one row a seat
 * with a column to sign, and the admission slips (准考证), one a candidate with the exam, its time and the seat.
 * Neither carries a password.
 */
@Component
class SittingSheets {

    private final Messages messages;
    private final Times times;

    SittingSheets(Messages messages, Times times) {
        this.messages = messages;
        this.times = times;
    }

    byte[] signInSheet(Sittings.SittingDetail detail) {
        try (var writer = new Spreadsheet.Writer()) {
            writer.sheet(messages.get("competition.sitting.signIn"), List.of(m("competition.page.room"), m("competition.page.seat"),
                    m("competition.form.name"), m("competition.page.unit"), m("competition.page.username"), m("competition.sitting.signature")));
            for (Sittings.SeatView seat : detail.seats()) {
                writer.row(row(seat.room(), seat.seat(), seat.name(), seat.unitName(), seat.username(), ""));
            }
            return writer.toBytes();
        }
    }

    byte[] admissionSlips(Sittings.SittingDetail detail) {
        String window = times.shown(detail.windowStart()) + " – " + times.shown(detail.windowEnd()) + " (" + m("time.zone") + ")";
        try (var writer = new Spreadsheet.Writer()) {
            writer.sheet(messages.get("competition.sitting.slips"), List.of(m("competition.sitting.exam"), m("competition.sitting.window"),
                    m("competition.form.name"), m("competition.page.unit"), m("competition.page.username"), m("competition.page.room"),
                    m("competition.page.seat")));
            for (Sittings.SeatView seat : detail.seats()) {
                writer.row(row(detail.sitting().examTitle(), window, seat.name(), seat.unitName(), seat.username(), seat.room(), seat.seat()));
            }
            return writer.toBytes();
        }
    }

    /** A row whose empty cells (no room, no seat) stay empty. */
    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell);
        }
        return row;
    }

    private String m(String key) {
        return messages.get(key);
    }
}
