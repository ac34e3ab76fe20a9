package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriageStemmerTest {

    /** Pairs from Porter's 1980 paper and its reference vocabulary. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "caresses, caress", "ponies, poni", "ties, ti", "caress, caress", "cats, cat",
            "feed, feed", "agreed, agre", "plastered, plaster", "bled, bled", "motoring, motor", "sing, sing",
            "conflated, conflat", "troubled, troubl", "sized, size", "hopping, hop", "tanned, tan", "falling, fall",
            "hissing, hiss", "fizzed, fizz", "failing, fail", "filing, file", "happy, happi", "sky, sky",
            "relational, relat", "conditional, condit", "rational, ration", "valenci, valenc", "hesitanci, hesit",
            "digitizer, digit", "conformabli, conform", "radicalli, radic", "differentli, differ", "vileli, vile",
            "analogousli, analog", "vietnamization, vietnam", "predication, predic", "operator, oper",
            "feudalism, feudal", "decisiveness, decis", "hopefulness, hope", "callousness, callous",
            "formaliti, formal", "sensitiviti, sensit", "sensibiliti, sensibl", "triplicate, triplic",
            "formative, form", "formalize, formal", "electriciti, electr", "electrical, electr", "hopeful, hope",
            "goodness, good", "revival, reviv", "allowance, allow", "inference, infer", "airliner, airlin",
            "adjustable, adjust", "defensible, defens", "irritant, irrit", "replacement, replac",
            "adjustment, adjust", "dependent, depend", "adoption, adopt", "homologou, homolog",
            "communism, commun", "activate, activ", "angulariti, angular", "homologous, homolog",
            "effective, effect", "bowdlerize, bowdler", "probate, probat", "rate, rate", "cease, ceas",
            "controll, control", "roll, roll", "generalization, gener", "oscillators, oscil"})
    void porterReferencePairs(String word, String stem) {
        assertEquals(stem, Stemmer.stem(word));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "timeouts, timeout", "timing, time", "timed, time", "connection, connect", "connected, connect",
            "connecting, connect", "restarting, restart", "restarts, restart", "evicted, evict", "eviction, evict",
            "certificates, certif", "certificate, certif", "replicas, replica", "replication, replic"})
    void onCallWordsMeetOnOneStem(String word, String stem) {
        assertEquals(stem, Stemmer.stem(word));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"5xx, 5xx", "p95, p95", "503, 503", "503s, 503", "5xxs, 5xx", "10s, 10s", "db, db", "k8s, k8s"})
    void codesAndShortWordsStayAsWritten(String word, String stem) {
        assertEquals(stem, Stemmer.stem(word));
    }
}
