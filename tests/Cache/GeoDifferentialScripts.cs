using System.Globalization;

namespace DataTier.Tests.Cache;

/// <summary>The geo commands' scripts for <see cref="DifferentialScripts"/>: each reply compared with redis-server's.</summary>
public static class GeoDifferentialScripts
{
    /// <summary>GEOADD, GEODIST, GEOHASH and GEOPOS; a geo set as the sorted set it is; the edges of the map; bad input.</summary>
    public static readonly string[] Basics =
    [
        "GEOADD Sicily 13.361389 38.115556 Palermo 15.087269 37.502669 Catania", "TYPE Sicily", "ZRANGE Sicily 0 -1 WITHSCORES", "ZSCORE Sicily Palermo",
        "ZCARD Sicily", "GEODIST Sicily Palermo Catania", "GEODIST Sicily Palermo Catania km", "GEODIST Sicily Palermo Catania MI", "GEODIST Sicily Palermo Catania ft",
        "GEODIST Sicily Palermo Catania M", "GEODIST Sicily Palermo Catania parsecs", "GEODIST Sicily Palermo Catania km extra", "GEODIST Sicily Palermo nope",
        "GEODIST Sicily nope Palermo", "GEODIST Sicily Palermo Palermo", "GEODIST nokey a b", "GEODIST nokey a b parsecs",
        "GEOPOS Sicily Palermo Catania nope", "GEOPOS nokey a b", "GEOHASH Sicily Palermo Catania nope", "GEOHASH nokey a b",
        // NX, XX and CH are ZADD's; GT, LT and INCR are not GEOADD's
        "GEOADD Sicily Palermo", "GEOADD Sicily 13.361389 38.115556 Palermo", "GEOADD Sicily CH 13.361389 38.115556 Palermo 13 38 Palermo 1 1 Origin",
        "GEOADD Sicily NX CH 1 1 Origin 2 2 New", "GEOADD Sicily XX CH 3 3 Origin 4 4 Absent", "GEOADD Sicily XX 3 3 Origin", "GEOADD Sicily CH CH 3 3 Origin",
        "GEOADD Sicily XX NX 1 1 Origin", "GEOADD Sicily NX XX 1 1 Origin", "GEOADD Sicily GT 1 1 Origin", "GEOADD Sicily LT CH 1 1 Origin", "GEOADD Sicily INCR 1 1 Origin",
        "GEOADD Sicily CH CH CH", "GEOADD Sicily XX CH CH", "GEOADD Sicily nx 1 2", "GEOADD Sicily 1 2", "GEOADD Sicily 1 2 a 3", "GEOADD Sicily 1 2 a 3 4",
        "GEOADD nokey XX 1 1 a", "EXISTS nokey", "GEOPOS Sicily Origin New Absent", "ZRANGE Sicily 0 -1 WITHSCORES",
        "GEOADD bad 200 100 x", "GEOADD bad 180.000001 0 x", "GEOADD bad 0 85.05112879 x", "GEOADD bad -0 -85.05112879 x", "GEOADD bad -180.5 -90 x",
        "GEOADD bad inf 0 x", "GEOADD bad 0 -inf x", "GEOADD bad 1e300 0 x", "GEOADD bad 0.0000001 -1e-7 x", "GEOADD bad 123456789.123456789 0 x",
        "GEOADD bad x 0 m", "GEOADD bad 0 y m", "GEOADD bad 1 1 a 2 200 b", "EXISTS bad", "GEOADD bad 1 1 a 2 x b", "EXISTS bad",
        // out of a double's range: refused, as strtod reports it; exact zeros are not out of range
        "GEOADD bad 1e-400 0 x", "GEOADD bad 0 -1e400 x", "GEOADD zeros 0e999 -0.0e-999 z", "GEOPOS zeros z", "GEORADIUS zeros 0 0 1e400 km", "GEORADIUS zeros 0 0 1e-400 km",
        "GEORADIUS zeros 0 0 0e-400 km", "GEOSEARCH zeros FROMLONLAT 0 0 BYBOX 1e999 1 km", "GEOSEARCH zeros FROMLONLAT 0 0 BYBOX 1 -1e999 km", "GEOSEARCH zeros FROMLONLAT 0 0 BYRADIUS inf km",
        // the edges: poles' limits, the antimeridian, the equator and the prime meridian
        "GEOADD edges 180 85.05112878 ne -180 -85.05112878 sw 180 -85.05112878 se -180 85.05112878 nw 0 0 origin -0 -0 negzero",
        "GEOADD edges 179.9999999 0 east -179.9999999 0 west 0 85.05112877 north 0 -85.05112877 south 90 45 a -90 -45 b 0.0000001 0.0000001 tiny",
        "ZRANGE edges 0 -1 WITHSCORES", "GEOPOS edges ne sw se nw origin negzero east west north south a b tiny",
        "GEOHASH edges ne sw se nw origin negzero east west north south a b tiny",
        "GEODIST edges east west", "GEODIST edges ne nw km", "GEODIST edges ne sw km", "GEODIST edges north south km", "GEODIST edges a b mi", "GEODIST edges origin tiny",
        // members of a sorted set whose scores no GEOADD wrote are still read as positions
        "ZADD edges 1.5 w1 -5 w2 1e20 w3 inf w4 -inf w5 9007199254740993 w6 4503599627370496 w7 9223372036854775808 w8 13510798882111488 w9",
        "GEOPOS edges w1 w2 w3 w4 w5 w6 w7 w8 w9", "GEOHASH edges w1 w2 w3 w4 w5 w6 w7 w8 w9", "GEODIST edges w1 w2", "GEODIST edges w3 origin km",
        "SET str x", "GEOADD str 1 1 a", "GEOADD str 1 100 a", "GEOADD str 1 x a", "GEOPOS str a", "GEOHASH str a", "GEODIST str a b", "GEODIST str a b parsecs",
        "GEOADD", "GEOADD k", "GEOADD k 1 1", "GEODIST k a", "GEOPOS k", "GEOHASH k", "GEOPOS", "GEOHASH",
        "HELLO 3", "GEOPOS Sicily Palermo nope", "GEODIST Sicily Palermo Catania", "GEODIST Sicily Palermo nope", "GEODIST nokey a b", "GEOHASH Sicily Palermo nope",
        "ZRANGE Sicily 0 -1 WITHSCORES", "HELLO 2",
    ];

    /// <summary>GEOSEARCH, GEORADIUS, GEORADIUSBYMEMBER and their _RO forms: shapes, options in combination, and the errors in Redis' order.</summary>
    public static readonly string[] Searches =
    [
        "GEOADD nyc -73.9454966 40.747533 \"lic market\" -73.9733487 40.7648057 \"central park n/q/r\" -73.9903085 40.7362513 \"union square\"",
        "GEOADD nyc -74.0131604 40.7126674 \"wtc one\" -73.7858139 40.6428986 jfk -73.9375699 40.7498929 q4 -73.9564142 40.7480973 4545",
        "GEORADIUS nyc -73.9798091 40.7598464 3 km", "GEORADIUS nyc -73.9798091 40.7598464 3 km ASC", "GEORADIUS nyc -73.9798091 40.7598464 3 km DESC WITHDIST",
        "GEORADIUS nyc -73.9798091 40.7598464 10 km COUNT 3", "GEORADIUS nyc -73.9798091 40.7598464 10 km COUNT 3 ANY", "GEORADIUS nyc -73.9798091 40.7598464 10 km COUNT 3 ANY ASC",
        "GEORADIUS nyc -73.9798091 40.7598464 10 km COUNT 2 DESC", "GEORADIUS nyc -73.9798091 40.7598464 10 km ANY ASC", "GEORADIUS nyc -73.9798091 40.7598464 10 km COUNT",
        "GEORADIUS nyc -73.9798091 40.7598464 10 km WITHCOORD WITHDIST WITHHASH COUNT 4 ASC", "GEORADIUS nyc -73.9798091 40.7598464 10 km WITHHASH",
        "GEORADIUS nyc -73.9798091 40.7598464 10 km withcoord", "GEORADIUS nyc -73.9798091 40.7598464 6.5 mi WITHDIST ASC", "GEORADIUS nyc -73.9798091 40.7598464 20000 ft WITHDIST DESC",
        "GEORADIUS nyc -73.9798091 40.7598464 10000 m WITHDIST COUNT 1", "GEORADIUS nyc -73.9798091 40.7598464 0 km", "GEORADIUS nyc -73.9454966 40.747533 0 m WITHDIST",
        "GEORADIUSBYMEMBER nyc \"wtc one\" 7 km", "GEORADIUSBYMEMBER nyc \"wtc one\" 7 km WITHDIST", "GEORADIUSBYMEMBER nyc \"wtc one\" 7 km WITHCOORD DESC COUNT 2",
        "GEORADIUS_RO nyc -73.9798091 40.7598464 3 km WITHDIST ASC", "GEORADIUSBYMEMBER_RO nyc jfk 20 km WITHDIST DESC", "GEORADIUSBYMEMBER_RO nyc jfk 20 km COUNT 1 ANY",
        "GEOSEARCH nyc FROMLONLAT -73.9798091 40.7598464 BYBOX 6 6 km ASC", "GEOSEARCH nyc FROMLONLAT -73.9798091 40.7598464 BYBOX 6 6 km WITHDIST ASC",
        "GEOSEARCH nyc FROMLONLAT -73.9798091 40.7598464 BYBOX 6 2 km WITHDIST", "GEOSEARCH nyc FROMLONLAT -73.9798091 40.7598464 BYBOX 2 6 km WITHDIST",
        "GEOSEARCH nyc FROMMEMBER \"wtc one\" BYBOX 14 14 km", "GEOSEARCH nyc FROMMEMBER \"wtc one\" BYRADIUS 7 km WITHDIST WITHCOORD WITHHASH DESC",
        "GEOSEARCH nyc FROMMEMBER jfk BYRADIUS 20 km COUNT 2 WITHDIST", "GEOSEARCH nyc FROMMEMBER jfk BYRADIUS 20 km COUNT 2 ANY WITHDIST",
        "GEOSEARCH nyc FROMMEMBER jfk BYRADIUS 20 km COUNT 20 DESC", "geosearch nyc frommember jfk byradius 20 KM count 2 any desc withhash",
        "GEOSEARCH nyc FROMLONLAT -73.9798091 40.7598464 BYRADIUS 3 km BYRADIUS 10 km ASC", "GEOSEARCH nyc BYRADIUS 3 km FROMMEMBER q4 ASC WITHDIST",
        // Redis' own regression vectors: searches near the poles and across cells
        "GEOADD k1 -0.15307903289794921875 85 n1 0.3515625 85.00019260486917005437 n2", "GEORADIUSBYMEMBER k1 n1 4891.94 m",
        "GEOADD k1 -4.95211958885192871094 85 n3 11.25 85.0511 n4", "GEORADIUSBYMEMBER k1 n3 156544 m",
        "GEOADD k1 -45 65.50900022111811438208 n5 90 85.0511 n6", "GEORADIUSBYMEMBER k1 n5 5009431 m", "GEOADD k1 45 65 n7 -135 85.05 n8", "GEORADIUSBYMEMBER k1 n7 5009431 m",
        "GEOADD users -47.271613776683807 -54.534504198047678 user_000000", "GEORADIUS users 0 0 50000 km WITHCOORD",
        "GEOADD Sicily 13.361389 38.115556 Palermo 15.087269 37.502669 Catania 12.758489 38.788135 edge1 17.241510 38.788135 edge2",
        "GEORADIUS Sicily 15 37 200 km ASC", "GEOSEARCH Sicily FROMLONLAT 15 37 BYBOX 400 400 km ASC WITHDIST",
        "GEOADD box 12.75 36.995 test1 12.75 36.50 test2 13.00 36.50 test3 -1 37.00 test4", "GEOSEARCH box FROMLONLAT 15 37 BYBOX 400 2 km",
        "GEOSEARCH box FROMLONLAT 15 37 BYBOX 3000 2 km ASC",
        "GEOADD corners 12.758489 38.788135 edge1 17.241510 38.788135 edge2 17.250000 35.202000 edge3 12.750000 35.202000 edge4 12.748489955781654 37 edge5",
        "GEOADD corners 15 38.798135872540925 edge6 17.251510044218346 37 edge7 15 35.201864127459075 edge8 12.692799634687903 38.798135872540925 corner1",
        "GEOADD corners 12.692799634687903 38.798135872540925 corner2 17.200560937451133 35.201864127459075 corner3 12.799439062548865 35.201864127459075 corner4",
        "GEOSEARCH corners FROMLONLAT 15 37 BYBOX 400 400 km ASC WITHDIST",
        // around the antimeridian and the poles' limits, whole-earth radii (the coarsest cells, where neighbours repeat)
        "GEOADD world 179.5 0 e1 -179.5 0 w1 179.99 10 e2 -179.99 -10 w2 0 85 n 0 -85 s 180 85.05112878 ne -180 -85.05112878 sw 90 0 q1 -90 0 q3 0 0 o",
        "GEORADIUS world 180 0 200 km WITHDIST ASC", "GEORADIUS world -180 0 200 km WITHDIST ASC", "GEOSEARCH world FROMLONLAT 180 0 BYBOX 400 3000 km WITHDIST ASC",
        "GEOSEARCH world FROMMEMBER w1 BYRADIUS 2000 km WITHDIST DESC", "GEOSEARCH world FROMLONLAT 0 85.05112878 BYRADIUS 700 km WITHDIST WITHCOORD ASC",
        "GEOSEARCH world FROMLONLAT 100 -85.05112878 BYBOX 5000 2000 km WITHDIST ASC", "GEORADIUS world 0 0 20000 km WITHDIST ASC",
        "GEORADIUS world 0 0 50000 km ASC", "GEORADIUS world 0 0 50000 km", "GEORADIUS world 0 0 inf km COUNT 3", "GEOSEARCH world FROMLONLAT 0 0 BYBOX 40000 40000 km",
        "GEOSEARCH world FROMLONLAT 0 0 BYBOX inf 1 km", "GEOSEARCH world FROMLONLAT 0 0 BYBOX 0 0 m WITHDIST", "GEORADIUS world 90 0 1e-9 m WITHDIST",
        "GEOSEARCH world FROMMEMBER ne BYRADIUS 100 km WITHDIST WITHCOORD", "GEOSEARCH world FROMMEMBER sw BYBOX 100 100 km WITHHASH",
        "ZADD world 1.5 odd 4503599627370495 top", "GEOSEARCH world FROMMEMBER odd BYRADIUS 100 km WITHHASH WITHCOORD", "GEOSEARCH world FROMMEMBER top BYRADIUS 1000 km WITHHASH WITHCOORD",
        // missing sources, wrong types, and each argument's error, in the order Redis finds them
        "GEORADIUS nokey 0 0 1 km", "GEORADIUS nokey 0 0 x km", "GEORADIUS nokey 200 0 1 km", "GEORADIUSBYMEMBER nokey m 1 km", "GEORADIUSBYMEMBER nokey m x parsecs",
        "GEORADIUSBYMEMBER nokey m 1 km BAD", "GEORADIUSBYMEMBER nokey m 1 km WITHDIST STORE d", "GEOSEARCH nokey FROMMEMBER m BYRADIUS 1 km",
        "GEOSEARCH nokey FROMMEMBER m BYRADIUS x km", "GEOSEARCH nokey FROMLONLAT 0 0 BYBOX 1 1 km ANY", "GEOSEARCH nokey FROMLONLAT 0 0 COUNT 1",
        "SET str x", "GEORADIUS str 0 0 1 km", "GEORADIUS str 0 200 1 km", "GEORADIUSBYMEMBER str a 1 km", "GEORADIUS_RO str 0 0 x km",
        "GEOSEARCH str FROMLONLAT 0 0 BYRADIUS 1 km", "GEOSEARCH str FOO", "GEORADIUSBYMEMBER_RO str a 1 km FOO",
        "GEORADIUSBYMEMBER nyc nope 1 km", "GEORADIUSBYMEMBER nyc nope x km", "GEORADIUSBYMEMBER nyc jfk x km", "GEORADIUSBYMEMBER nyc jfk -1 km",
        "GEORADIUSBYMEMBER nyc jfk 1 lightyears", "GEORADIUS nyc 0 0 -1 km", "GEORADIUS nyc 0 0 1 KM WITHDIST", "GEORADIUS nyc x 0 1 km", "GEORADIUS nyc 0 x 1 km",
        "GEORADIUS nyc 0 86 1 km", "GEORADIUS nyc 181 0 -1 km", "GEORADIUS nyc 0 0 1 km FROMLONLAT 0 0", "GEORADIUS nyc 0 0 1 km BYBOX 1 1 km",
        "GEORADIUS nyc 0 0 1 km COUNT 0", "GEORADIUS nyc 0 0 1 km COUNT -3", "GEORADIUS nyc 0 0 1 km COUNT x", "GEORADIUS nyc 0 0 1 km COUNT 1.5", "GEORADIUS nyc 0 0 1 km ANY",
        "GEORADIUS nyc 0 0 1 km STORE", "GEORADIUS nyc 0 0 1 km STOREDIST", "GEORADIUS_RO nyc 0 0 1 km STORE d", "GEORADIUSBYMEMBER_RO nyc jfk 1 km STOREDIST d",
        "GEOSEARCH nyc FROMLONLAT 0 0 FROMMEMBER jfk BYRADIUS 1 km", "GEOSEARCH nyc FROMMEMBER jfk FROMLONLAT 0 0 BYRADIUS 1 km",
        "GEOSEARCH nyc FROMMEMBER jfk FROMMEMBER nope BYRADIUS 1 km", "GEOSEARCH nyc FROMLONLAT 0 0 FROMLONLAT 1 1 BYRADIUS 1 km",
        "GEOSEARCH nyc FROMLONLAT 0 0 BYRADIUS 1 km BYBOX 1 1 km", "GEOSEARCH nyc FROMLONLAT 0 0 BYBOX 1 1 km BYRADIUS 1 km", "GEOSEARCH nyc FROMLONLAT 0 0 BYBOX -1 1 km",
        "GEOSEARCH nyc FROMLONLAT 0 0 BYBOX 1 -1 km", "GEOSEARCH nyc FROMLONLAT 0 0 BYBOX x 1 km", "GEOSEARCH nyc FROMLONLAT 0 0 BYBOX 1 x km",
        "GEOSEARCH nyc FROMLONLAT 0 0 BYBOX -1 x km", "GEOSEARCH nyc FROMLONLAT 0 0 BYBOX 1 1 parsecs", "GEOSEARCH nyc FROMLONLAT 0 0 BYRADIUS -1 km",
        "GEOSEARCH nyc FROMLONLAT 0 0 BYRADIUS x km", "GEOSEARCH nyc FROMLONLAT 0 0 BYRADIUS 1 parsecs", "GEOSEARCH nyc FROMLONLAT x 0 BYRADIUS 1 km",
        "GEOSEARCH nyc FROMLONLAT 0 x BYRADIUS 1 km", "GEOSEARCH nyc FROMLONLAT 0 90 BYRADIUS 1 km", "GEOSEARCH nyc FROMLONLAT 0 0 BYRADIUS 1 km COUNT",
        "GEOSEARCH nyc FROMLONLAT 0 0 BYRADIUS 1 km STORE d", "GEOSEARCH nyc FROMLONLAT 0 0 BYRADIUS 1 km STOREDIST", "GEOSEARCH nyc FROMLONLAT 0 0 BYRADIUS 1 km BYBOX",
        "GEOSEARCH nyc FROMLONLAT 0 0 BYRADIUS 1", "GEOSEARCH nyc FROMLONLAT 0 BYRADIUS 1 km", "GEOSEARCH nyc FROMMEMBER BYRADIUS 1 km x",
        "GEOSEARCH nyc bybox 3 3 km asc desc withhash withdist withcoord", "geosearch nyc fromlonlat 0 0 asc desc withhash withdist withcoord",
        "GeoSearch nyc FROMLONLAT 0 0 COUNT 1 WITHDIST", "GEOSEARCH nyc FROMLONLAT 0 0 BYRADIUS 1 km COUNT 2 ANY ANY ASC DESC", "GEOSEARCH nyc FROMMEMBER nope BYRADIUS x km",
        "GEORADIUS", "GEORADIUS nyc 0 0 1", "GEORADIUS_RO nyc 0 0 1", "GEORADIUSBYMEMBER nyc jfk 1", "GEORADIUSBYMEMBER_RO nyc jfk 1", "GEOSEARCH nyc FROMLONLAT 0 0 BYRADIUS",
        "HELLO 3", "GEOSEARCH nyc FROMMEMBER jfk BYRADIUS 20 km WITHDIST WITHCOORD WITHHASH ASC", "GEORADIUS nyc -73.9798091 40.7598464 3 km WITHCOORD", "GEORADIUS nokey 0 0 1 km", "HELLO 2",
    ];

    /// <summary>GEOSEARCHSTORE and the STORE and STOREDIST of GEORADIUS and GEORADIUSBYMEMBER, on one shard (hash tags) and across shards, in MULTI and in scripts.</summary>
    public static readonly string[] Stores =
    [
        "GEOADD {g}src 13.361389 38.115556 Palermo 15.087269 37.502669 Catania 12.758489 38.788135 edge1 17.241510 38.788135 edge2",
        "GEOSEARCHSTORE {g}d {g}src FROMLONLAT 15 37 BYRADIUS 200 km", "ZRANGE {g}d 0 -1 WITHSCORES", "TYPE {g}d",
        "GEOSEARCHSTORE {g}d {g}src FROMLONLAT 15 37 BYRADIUS 400 km STOREDIST", "ZRANGE {g}d 0 -1 WITHSCORES",
        "GEOSEARCHSTORE {g}d {g}src FROMLONLAT 15 37 BYBOX 800 800 mi STOREDIST COUNT 2 DESC", "ZRANGE {g}d 0 -1 WITHSCORES",
        "GEOSEARCHSTORE {g}d {g}src FROMMEMBER Palermo BYRADIUS 1000 km COUNT 3 ANY", "ZRANGE {g}d 0 -1 WITHSCORES",
        "GEOSEARCHSTORE {g}d {g}src FROMMEMBER Palermo BYRADIUS 1000 km COUNT 3", "ZRANGE {g}d 0 -1 WITHSCORES",
        "GEOSEARCHSTORE {g}src {g}src FROMMEMBER Palermo BYRADIUS 100 km", "ZRANGE {g}src 0 -1 WITHSCORES",
        "GEOADD {g}src 15.087269 37.502669 Catania 12.758489 38.788135 edge1 17.241510 38.788135 edge2",
        "SET {g}d x", "EXPIRE {g}d 1000", "GEOSEARCHSTORE {g}d {g}src FROMLONLAT 15 37 BYRADIUS 200 km", "TTL {g}d", "ZRANGE {g}d 0 -1",
        "GEOSEARCHSTORE {g}d {g}src FROMLONLAT 0 0 BYRADIUS 1 km", "EXISTS {g}d", "SET {g}d x", "GEOSEARCHSTORE {g}d {g}nokey FROMLONLAT 0 0 BYRADIUS 1 km", "EXISTS {g}d",
        "GEORADIUS {g}src 15 37 200 km STORE {g}d", "ZRANGE {g}d 0 -1 WITHSCORES", "GEORADIUS {g}src 15 37 200 km STOREDIST {g}d", "ZRANGE {g}d 0 -1 WITHSCORES",
        "GEORADIUS {g}src 15 37 200 km STORE {g}d STOREDIST {g}e COUNT 1", "ZRANGE {g}e 0 -1 WITHSCORES", "GEORADIUS {g}src 15 37 200 km STOREDIST {g}d STORE {g}e DESC",
        "ZRANGE {g}e 0 -1 WITHSCORES", "GEORADIUSBYMEMBER {g}src Palermo 300 km STORE {g}f", "ZRANGE {g}f 0 -1 WITHSCORES",
        "GEORADIUSBYMEMBER {g}src Palermo 300 km STOREDIST {g}f ASC COUNT 2", "ZRANGE {g}f 0 -1 WITHSCORES", "GEORADIUSBYMEMBER {g}src nope 300 km STORE {g}f",
        "SET {g}f x", "GEORADIUSBYMEMBER {g}nokey m 1 km STORE {g}f", "EXISTS {g}f", "GEORADIUS {g}src 0 0 1 km STORE {g}f", "EXISTS {g}f",
        "SET {g}str x", "GEOSEARCHSTORE {g}d {g}str FROMLONLAT 0 0 BYRADIUS 1 km", "GEORADIUS {g}str 0 0 1 km STORE {g}d", "GEOSEARCHSTORE {g}str {g}src FROMLONLAT 15 37 BYRADIUS 200 km",
        "TYPE {g}str", "GEOSEARCHSTORE {g}d {g}src FROMLONLAT 15 37 BYRADIUS 200 km WITHDIST", "GEOSEARCHSTORE {g}d {g}src FROMLONLAT 15 37 BYRADIUS 200 km WITHHASH",
        "GEOSEARCHSTORE {g}d {g}src FROMLONLAT 15 37 BYRADIUS 200 km WITHCOORD STOREDIST", "GEOSEARCHSTORE {g}d {g}src FROMLONLAT 15 37 BYRADIUS 200 km STORE {g}x",
        "GEOSEARCHSTORE {g}d {g}src BYRADIUS 200 km COUNT 1", "geosearchstore {g}d {g}src FROMLONLAT 15 37 COUNT 1 STOREDIST", "GEOSEARCHSTORE {g}d {g}src FROMLONLAT 15 37 BYRADIUS",
        "GEORADIUS {g}src 15 37 200 km STORE {g}d WITHCOORD", "GEORADIUSBYMEMBER {g}src Palermo 200 km WITHHASH STOREDIST {g}d",
        // keys on different shards
        "GEOADD src 13.361389 38.115556 Palermo 15.087269 37.502669 Catania 12.758489 38.788135 edge1 17.241510 38.788135 edge2",
        "GEOSEARCHSTORE dest src FROMLONLAT 15 37 BYRADIUS 400 km STOREDIST", "ZRANGE dest 0 -1 WITHSCORES", "GEOSEARCHSTORE dest src FROMLONLAT 15 37 BYBOX 400 400 km",
        "ZRANGE dest 0 -1 WITHSCORES", "GEORADIUS src 15 37 200 km STORE other", "ZRANGE other 0 -1 WITHSCORES", "GEORADIUSBYMEMBER src Catania 200 km STOREDIST other COUNT 1",
        "ZRANGE other 0 -1 WITHSCORES", "SET other x", "EXPIRE other 100", "GEORADIUS src 15 37 200 km STORE other", "TTL other", "GEORADIUS src 0 0 1 km STORE other",
        "EXISTS other", "GEOSEARCHSTORE dest nokey FROMLONLAT 0 0 BYRADIUS 1 km", "EXISTS dest", "SET str x", "GEOSEARCHSTORE dest str FROMLONLAT 0 0 BYRADIUS 1 km",
        "GEORADIUS str 0 0 1 km STORE dest", "GEORADIUS src 0 0 1 km STORE dest WITHDIST", "GEOSEARCHSTORE dest src FROMMEMBER nope BYRADIUS 1 km",
        "GEORADIUS src 0 0 1 km COUNT x STORE dest",
        // in transactions and scripts, on the transaction's or the script's shard
        "MULTI", "GEOADD {g}m 1 1 a 1.001 1.001 b", "GEORADIUS {g}m 1 1 1000 km STORE {g}n", "GEOSEARCHSTORE {g}o {g}m FROMMEMBER a BYRADIUS 1 km STOREDIST",
        "GEOSEARCH {g}m FROMMEMBER a BYRADIUS 1000 km WITHDIST WITHCOORD WITHHASH", "ZRANGE {g}o 0 -1 WITHSCORES", "EXEC",
        "EVAL \"return redis.call('GEORADIUS', KEYS[1], 1, 1, 1000, 'km', 'STOREDIST', KEYS[2])\" 2 {g}m {g}p", "ZRANGE {g}p 0 -1 WITHSCORES",
        "EVAL \"return redis.call('GEOSEARCH', KEYS[1], 'FROMLONLAT', 1, 1, 'BYRADIUS', 1000, 'km', 'WITHCOORD', 'WITHDIST', 'ASC')\" 1 {g}m",
        "EVAL \"return redis.call('GEOPOS', KEYS[1], 'a', 'nope')\" 1 {g}m", "EVAL \"redis.setresp(3) return redis.call('GEOPOS', KEYS[1], 'a', 'nope')\" 1 {g}m",
        "EVAL \"redis.setresp(3) return tostring(redis.call('GEOPOS', KEYS[1], 'a')[1][2]['double'])\" 1 {g}m",
        "EVAL_RO \"return redis.call('GEORADIUS_RO', KEYS[1], 1, 1, 1000, 'km')\" 1 {g}m", "EVAL_RO \"return redis.call('GEORADIUS', KEYS[1], 1, 1, 1000, 'km')\" 1 {g}m",
    ];

    /// <summary>Random points (many at the edges of the map and in one dense area, some on one spot) and random searches of every kind, seeded.</summary>
    public static string[] RandomPointsAndSearches(int seed)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        var points = new List<(double Longitude, double Latitude)>();
        for (var i = 0; i < 300; i++)
        {
            var point = RandomPoint(random);
            points.Add(point);
            lines.Add($"GEOADD points {Text(point.Longitude)} {Text(point.Latitude)} m{i}");
        }
        for (var i = 0; i < 60; i++) lines.Add($"GEOADD points {Text(10 + (i % 3) * 0.001)} 45 same{i}");
        string[] units = ["m", "km", "ft", "mi"];
        for (var q = 0; q < 400; q++)
        {
            var unit = units[random.Next(units.Length)];
            var perUnit = unit switch { "m" => 1, "km" => 1000, "ft" => 0.3048, _ => 1609.34 };
            var size = Math.Pow(10, random.NextDouble() * 7.3) / perUnit;
            var centre = random.NextDouble() < 0.7 ? RandomPoint(random) : points[random.Next(points.Count)];
            var member = $"m{random.Next(points.Count)}";
            var options = RandomOptions(random);
            lines.Add(random.Next(4) switch
            {
                0 => $"GEORADIUS points {Text(centre.Longitude)} {Text(centre.Latitude)} {Text(size)} {unit} {options}",
                1 => $"GEORADIUSBYMEMBER_RO points {member} {Text(size)} {unit} {options}",
                2 => $"GEOSEARCH points FROMLONLAT {Text(centre.Longitude)} {Text(centre.Latitude)} BYBOX {Text(size * (0.2 + random.NextDouble()))} {Text(size * (0.2 + random.NextDouble()))} {unit} {options}",
                _ => $"GEOSEARCH points FROMMEMBER {member} BYRADIUS {Text(size)} {unit} {options}",
            });
        }
        foreach (var count in new[] { 1, 5, 6, 7, 8, 30, 40, 41, 59, 60, 61 })
        {
            lines.Add($"GEOSEARCH points FROMLONLAT 10 45 BYRADIUS 1 km COUNT {count} WITHDIST");
            lines.Add($"GEOSEARCH points FROMLONLAT 10.001 45 BYRADIUS 1 km COUNT {count} DESC WITHDIST");
        }
        for (var i = 0; i < 40; i++) lines.Add($"GEODIST points m{random.Next(points.Count)} m{random.Next(points.Count)} {units[random.Next(units.Length)]}");
        lines.Add("GEOHASH points " + string.Join(' ', Enumerable.Range(0, points.Count).Where(i => i % 3 == 0).Select(i => $"m{i}")));
        lines.Add("GEOPOS points " + string.Join(' ', Enumerable.Range(0, points.Count).Where(i => i % 3 == 1).Select(i => $"m{i}")));
        lines.Add("ZRANGE points 0 -1 WITHSCORES");
        return [.. lines];
    }

    private static (double Longitude, double Latitude) RandomPoint(Random random)
    {
        var longitude = random.NextDouble() * 360 - 180;
        var latitude = (random.NextDouble() * 2 - 1) * 85.05112878;
        return random.Next(10) switch
        {
            0 => (random.Next(2) == 0 ? 180 - random.NextDouble() * 0.1 : -180 + random.NextDouble() * 0.1, latitude),
            1 => (longitude, random.Next(2) == 0 ? 85.05112878 - random.NextDouble() : -85.05112878 + random.NextDouble()),
            2 or 3 or 4 => (10 + random.NextDouble() * 2 - 1, 45 + random.NextDouble() * 2 - 1),
            _ => (longitude, latitude),
        };
    }

    private static string RandomOptions(Random random)
    {
        var options = new List<string>();
        foreach (var option in new[] { "WITHDIST", "WITHCOORD", "WITHHASH" })
            if (random.NextDouble() < 0.4) options.Add(option);
        var order = random.Next(5);
        if (order < 2) options.Add(order == 0 ? "ASC" : "DESC");
        if (random.NextDouble() < 0.4) options.Add($"COUNT {new[] { 1, 2, 3, 5, 8, 20, 100 }[random.Next(7)]}{(random.NextDouble() < 0.3 ? " ANY" : "")}");
        return string.Join(' ', options.OrderBy(_ => random.Next()));
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
