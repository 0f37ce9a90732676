package cn.arena.practice;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Coverage of a unit (全员覆盖): of its staff roll, how many took part; the rate rounded half up to four decimals. */
record Participation(long people, long participants) {

    BigDecimal rate() {
        return people == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(participants).divide(BigDecimal.valueOf(people), 4, RoundingMode.HALF_UP);
    }
}
