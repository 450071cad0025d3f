package cn.zhutui.household;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, unique ID numbers for tests: a place code, a birth date, a running sequence and the check digit. */
public final class TestIds {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 700));

    private TestIds() {
    }

    public static String of(String place, LocalDate born) {
        int seq = SEQ.incrementAndGet() % 1000;
        String first17 = place + String.format("%04d%02d%02d", born.getYear(), born.getMonthValue(), born.getDayOfMonth())
                + String.format("%03d", seq);
        return first17 + IdNumbers.checkDigit(first17);
    }

    /** A Luquan ID number with a random birth date between 1950 and 1999. */
    public static String luquan() {
        return of("530128", LocalDate.of(1950 + (int) (Math.random() * 50), 1 + (int) (Math.random() * 12), 1 + (int) (Math.random() * 28)));
    }
}
