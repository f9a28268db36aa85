package dev.confer.web.site;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small summit a month from now (registration is open: it closes when the last day ends), with two rooms,
 * two tracks and sessions in Korean and English, at COEX.
 */
final class SiteEvents {

    static final LocalDate DAY1 = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(30);
    static final LocalDate DAY2 = DAY1.plusDays(1);

    private SiteEvents() {
    }

    static Map<String, Object> upcoming(int capacity, int waitlist, int roomCapacity) {
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("name", Map.of("ko", "클라우드 서밋 서울 2026", "en", "Cloud Summit Seoul 2026"));
        def.put("timezone", "Asia/Seoul");
        def.put("capacity", capacity);
        def.put("waitlist", waitlist);
        def.put("venue", Map.of("name", Map.of("ko", "코엑스", "en", "COEX"),
                "address", Map.of("ko", "서울특별시 강남구 영동대로 513", "en", "513 Yeongdong-daero, Gangnam-gu, Seoul")));
        def.put("about", Map.of("ko", "클라우드로 일하는 사람들을 위한 이틀", "en", "Two days for people who build on the cloud"));
        List<Object> days = new ArrayList<>();
        for (LocalDate date : List.of(DAY1, DAY2)) {
            days.add(Map.of("date", date.toString(), "doorsOpen", "08:00", "end", "18:00", "mealVouchers", Math.min(100, capacity),
                    "keynote", Map.of("start", "10:00", "end", "11:30",
                            "halls", List.of(Map.of("name", "Hall D", "seats", 100), Map.of("name", "Overflow E1", "seats", 50)))));
        }
        def.put("days", days);
        def.put("rooms", List.of(
                Map.of("code", "301", "name", Map.of("ko", "301호", "en", "Room 301"), "capacity", roomCapacity),
                Map.of("code", "302", "name", Map.of("ko", "302호", "en", "Room 302"), "capacity", 200)));
        def.put("tracks", List.of(Map.of("code", "fin", "name", Map.of("ko", "금융 및 핀테크", "en", "Finance & Fintech")),
                Map.of("code", "games", "name", Map.of("ko", "게임", "en", "Games"))));
        def.put("sessions", List.of(
                session("S101", DAY1, "13:00", "13:40", "301", "fin", "ko", "코어뱅킹 클라우드 전환기", "Moving core banking to the cloud", "김서연"),
                session("S102", DAY1, "13:00", "14:20", "302", "games", "en", "게임 서버 확장하기", "Scaling game servers", "Alex Park"),
                session("S103", DAY1, "14:00", "14:40", "301", "fin", "ko", "실시간 결제 데이터", "Real-time payment data", "이준호"),
                session("S201", DAY2, "13:00", "13:40", "301", "games", "ko", "라이브 게임 운영", "Running live games", "박지민")));
        def.put("booths", List.of(Map.of("code", "B01", "sponsor", "ACME Cloud", "location", "A-12")));
        return def;
    }

    private static Map<String, Object> session(String code, LocalDate day, String start, String end, String room, String track,
                                               String language, String ko, String en, String speaker) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", code);
        s.put("title", Map.of("ko", ko, "en", en));
        s.put("track", track);
        s.put("room", room);
        s.put("day", day.toString());
        s.put("start", start);
        s.put("end", end);
        s.put("language", language);
        s.put("speakers", List.of(Map.of("name", speaker, "company", "Hanbit")));
        return s;
    }
}
