#!/usr/bin/env bash
# A minimal active-mode FTP server for the lab's ALG test: one control connection on stdin/stdout (socat runs one per
# client), anonymous login, PORT only (EPRT and PASV are refused, so the client must say where to connect), and RETR of
# any name, which sends one line over a data connection that the server opens to the address and port PORT named.
# That connection is what NAT without an FTP ALG breaks: PORT carries the client's private address.
set -u
reply() { printf '%s\r\n' "$1"; }
reply "220 eipnet lab ftp"
host="" port=""
while IFS= read -r line; do
  line=${line%$'\r'}
  cmd=${line%% *}
  arg=""; [[ $line == *" "* ]] && arg=${line#* }
  case ${cmd^^} in
    USER) reply "331 any password" ;;
    PASS) reply "230 logged in" ;;
    PWD) reply '257 "/"' ;;
    CWD) reply "250 ok" ;;
    TYPE) reply "200 ok" ;;
    SIZE) reply "213 15" ;;
    MDTM) reply "550 no" ;;
    PORT)
      IFS=, read -r a b c d p1 p2 <<<"$arg"
      host="$a.$b.$c.$d" port=$((p1 * 256 + p2))
      echo "PORT $host $port" >&2
      reply "200 PORT $host:$port" ;;
    RETR|LIST|NLST)
      if [[ -z $host ]]; then reply "425 use PORT first"; continue; fi
      reply "150 opening data connection to $host:$port"
      if printf 'hello-from-ftp\n' | timeout 5 socat -u - "TCP:$host:$port,connect-timeout=3" 2>/dev/null; then
        echo "DATA SENT $host $port" >&2
        reply "226 transfer complete"
      else
        echo "DATA FAILED $host $port" >&2
        reply "425 cannot open data connection to $host:$port"
      fi ;;
    QUIT) reply "221 bye"; exit 0 ;;
    *) reply "502 not implemented" ;;
  esac
done
