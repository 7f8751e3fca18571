package org.stratumlab.loadgen.attack;

import java.util.List;

/**
 * A run's attack: what the attackers do and how many each phase has, beside its honest miners.
 *
 * @param settings what every attacker does
 * @param attackersByPhase the attackers of each phase, in the phases' order (0 for none)
 */
public record AttackPlan(AttackSettings settings, List<Integer> attackersByPhase) {
    /** Copies the counts and checks them. */
    public AttackPlan {
        attackersByPhase = List.copyOf(attackersByPhase);
        for (int attackers : attackersByPhase) {
            if (attackers < 0) {
                throw new IllegalArgumentException("attackers must not be negative, was " + attackers);
            }
        }
    }

    /** @return the most attackers any phase has */
    public int attackersMax() {
        return attackersByPhase.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
