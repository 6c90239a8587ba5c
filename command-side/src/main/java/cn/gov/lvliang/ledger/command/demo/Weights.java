package cn.gov.lvliang.ledger.command.demo;

import java.util.Random;
import java.util.function.ToIntFunction;

/** Weighted choices for generated histories: the demo data's and the scale generator's. */
public final class Weights {

    private Weights() {
    }

    /**
     * One of the choices, each as likely as its weight in per mille; the first when the weights add up to less than
     * a thousand and the roll falls beyond them.
     */
    public static <T> T pick(Random random, T[] choices, ToIntFunction<T> perMille) {
        int roll = random.nextInt(1000);
        for (T choice : choices) {
            roll -= perMille.applyAsInt(choice);
            if (roll < 0) {
                return choice;
            }
        }
        return choices[0];
    }
}
