"""The phrases of bounces written in other languages (European, Russian, Chinese, Korean), per reason.

Written the way those countries' providers and localised Exchange/Gmail notices phrase them; accented
letters also match their plain form ("boite", "Empfanger"), as notices copied through plain-text tools
lose them. Lower-case: texts are lower-cased before they are searched.
"""

from __future__ import annotations

# Per reason, regex alternatives (joined to the reason's English and Japanese ones in phrases.py).
WORLD_TEXT: dict[str, tuple[str, ...]] = {
    "mailboxfull": (
        # de
        r"(?:postfach|mailbox) (?:des empf[äa]ngers |ist |war )*(?:voll|[üu]berf[üu]llt)",
        r"(?:speicherplatz|postfachkontingent|kontingent|speicherkontingent)"
        r"(?: des postfachs| des empf[äa]ngers)? "
        r"(?:ist |wurde )?(?:voll|ersch[öo]pft|[üu]berschritten|aufgebraucht)",
        # fr
        r"bo[iî]te[^.\n]{0,60} pleine",
        r"bo[iî]te[^.\n]{0,60} satur[ée]e",
        r"(?:quota|quota est) (?:dépassé|depasse|atteint)",
        r"d[ée]passement (?:de|du) quota",
        r"espace (?:de stockage )?(?:est )?(?:insuffisant|[ée]puis[ée]|satur[ée])",
        # es, pt
        r"buz[óo]n[^.\n]{0,50} llen[oa]",
        r"buzón[^.\n]{0,50} (?:completo|saturado)",
        r"buzon[^.\n]{0,50} (?:completo|saturado)",
        r"caixa (?:postal|de correio|de entrada)[^.\n]{0,50} (?:cheia|lotada)",
        r"(?:cuota|cota) (?:de (?:almacenamiento|armazenamento|buz[óo]n|disco) )?"
        r"(?:excedida|superada|agotada|esgotada|ultrapassada)",
        r"(?:excede|supera|ha excedido|ha superado) (?:la |su )?cuota",
        r"(?:excedeu|ultrapassou) (?:a |sua )?cota\b",
        r"(?:sin espacio|sem espaço|sem espaco) (?:disponible|dispon[íi]vel|libre|livre)",
        r"(?:espacio|espaço|espaco) (?:insuficiente|esgotado|agotado)",
        # it
        r"casella[^.\n]{0,50} (?:piena|satura)",
        r"(?:ha superato|supera) (?:la |il )?(?:propria |sua )?(?:quota|spazio)",
        r"spazio (?:su disco |disponibile )?(?:esaurito|insufficiente)",
        # nl
        r"(?:postvak|postbus|brievenbus)[^.\n]{0,50} (?:is )?vol\b",
        r"(?:mailbox is vol|mailbox vol)\b",
        r"quotum (?:is )?(?:overschreden|bereikt|vol)",
        r"onvoldoende (?:opslag)?ruimte",
        # pl, cs
        r"skrzynk[aięy][^.\n]{0,50} (?:jest )?(?:pe[łl]na|przepe[łl]niona|zape[łl]niona)",
        r"przekroczon[oayi] (?:limit|przydzia[łl]) (?:miejsca|pojemno[śs]ci|skrzynki)",
        r"schr[áa]nk[ay][^.\n]{0,50} (?:je )?(?:pln[áa]|zapln[ěe]n[áa]|p[řr]epln[ěe]n[áa])",
        r"(?:překročen|prekrocen)[aáy]? (?:kv[óo]ta|limit) (?:schr[áa]nky|m[íi]sta)",
        # tr
        r"posta kutusu (?:dolu|doldu|dolmu[şs])",
        r"kota(?:s[ıi])? (?:a[şs][ıi]ld[ıi]|doldu|dolu)",
        # ru
        r"ящик[^.\n]{0,50} (?:переполнен|заполнен)",
        r"квот[аы] (?:почтового ящика |ящика )?(?:превышен|исчерпан)",
        r"превышен[аы]? (?:квота|лимит (?:размера )?(?:почтового )?ящика)",
        r"недостаточно (?:свободного )?места",
        # zh, zh-tw
        r"邮箱(?:容量|空间)?(?:已满|满了|不足)",
        r"郵箱(?:容量|空間)?(?:已滿|滿了|不足)",
        r"信箱(?:容量|空間|空间)?(?:已滿|已满|滿了|不足)",
        r"空间(?:已满|不足)",
        r"空間(?:已滿|不足)",
        r"容量(?:已满|已滿|不足)",
        r"配额已满",
        r"配額已滿",
        r"超(?:过|出)(?:了)?邮箱(?:的)?(?:容量|配额|空间)",
        r"超過(?:了)?(?:郵箱|信箱)(?:的)?(?:容量|配額|空間)",
        # ko
        *(
            box + r"(?:의)? ?(?:저장 ?)?(?:용량|공간)(?:이|을)? ?(?:초과|가득|부족)"
            for box in ("메일함", "메일 박스", "메일박스", "사서함", "편지함")
        ),
        r"(?:메일함|사서함|편지함)(?:이|가)? ?(?:가득|꽉) ?(?:찼|차)",
    ),
    "mesgtoobig": (
        r"(?:nachricht|e-?mail|anhang|anh[äa]nge)[^.\n]{0,30} (?:ist |sind )?zu gro(?:ß|ss)",
        r"nachrichtengr[öo](?:ß|ss)e",
        r"(?:message|pi[èe]ces? jointes?)[^.\n]{0,30} trop (?:volumineu|gros|grand)",
        r"taille (?:maximale |du message )?[^.\n]{0,20}d[ée]pass[ée]",
        r"(?:mensaje|correo|adjunto)[^.\n]{0,30} demasiado (?:grande|pesado)",
        r"(?:excede|supera|ultrapassa) (?:el |o )?(?:tamaño|tamano|tamanho) m[áa]ximo",
        r"tamanho (?:da mensagem )?(?:excede|ultrapassa)",
        r"(?:mensagem|anexo)[^.\n]{0,30} (?:muito grande|grande demais)",
        r"(?:messaggio|allegat[oi])[^.\n]{0,30} troppo grand",
        r"(?:supera|eccede) (?:la )?dimensione massima",
        r"(?:bericht|bijlage)[^.\n]{0,30} (?:is )?te groot",
        r"(?:maximale )?berichtgrootte",
        r"(?:wiadomość|wiadomosc|załącznik|zalacznik)[^.\n]{0,30} (?:jest )?(?:zbyt|za) du[żz]",
        r"rozmiar (?:wiadomo[śs]ci )?przekracza",
        r"(?:zpr[áa]va|p[řr][íi]loha)[^.\n]{0,30} (?:je )?p[řr][íi]li[šs] velk",
        r"velikost (?:zpr[áa]vy )?p[řr]ekra[čc]uje",
        r"(?:ileti|mesaj|eposta|e-posta)[^.\n]{0,30} (?:[çc]ok|fazla) b[üu]y[üu]k",
        r"(?:ileti|mesaj) boyutu[^.\n]{0,30}a[şs]",
        r"(?:сообщение|письмо|вложение)[^.\n]{0,30} слишком (?:большое|велико)",
        r"размер (?:письма|сообщения)[^.\n]{0,20}превыша",
        r"邮件(?:大小|尺寸)?(?:过大|太大|超过|超出)",
        r"郵件(?:大小|尺寸)?(?:過大|太大|超過|超出)",
        r"附件(?:过大|過大|太大)",
        r"(?:메일|메시지|첨부 ?파일)(?:의)? ?크기(?:가|이)? ?(?:너무 크|초과|제한)",
        r"(?:최대|허용) ?크기(?:를|을)? ?초과",
    ),
    "userunknown": (
        r"(?:postfach|empf[äa]nger(?:adresse)?|benutzer(?:konto)?|e-?mail-?adresse|adresse|konto)"
        r"(?: des empf[äa]ngers)? (?:ist |wurde |war )?(?:existiert nicht|nicht existiert|nicht vorhanden|"
        r"nicht gefunden|unbekannt|gibt es nicht)",
        r"unbekannte[rns]? (?:empf[äa]nger|benutzer|adresse|e-?mail-?adresse|postfach)",
        r"(?:destinataire|adresse|utilisateur|compte|correspondant)(?: e-?mail| [ée]lectronique|"
        r" aux lettres| du destinataire)? (?:est )?"
        r"(?:inconnu|inconnue|introuvable|inexistant|inexistante|n'existe pas|n’existe pas|n'existe plus|"
        r"n’existe plus)",
        r"(?:utilisateur|destinataire|adresse) inconnue?",
        r"(?:usuario|destinatario|buzón|buzon|dirección|direccion|cuenta)"
        r"(?: de correo(?: electr[óo]nico)?| del "
        r"destinatario)? (?:es )?"
        r"(?:desconocido|desconocida|no existe|inexistente|no encontrado|no encontrada)",
        r"(?:usuário|usuario|utilizador|destinatário|destinatario|caixa postal|endereço|endereco|conta)"
        r"(?: de e-?mail| do "
        r"destinat[áa]rio)? (?:[ée] )?(?:desconhecido|desconhecida|não existe|nao existe|inexistente|"
        r"não encontrado|nao encontrado|não encontrada|nao encontrada)",
        r"(?:utente|destinatario|casella|indirizzo|account)(?: di posta| e-?mail| del destinatario)? "
        r"(?:[èe] )?(?:sconosciuto|sconosciuta|inesistente|non esiste|non trovato|non trovata)",
        r"(?:gebruiker|ontvanger|geadresseerde|mailbox|postvak|e-?mailadres|adres|account)"
        r"(?: van de ontvanger)? "
        r"(?:is |werd )?(?:onbekend|bestaat niet|niet gevonden)",
        r"onbekende (?:gebruiker|ontvanger|geadresseerde)",
        r"(?:użytkownik|uzytkownik|adresat|odbiorca|skrzynka|adres|konto)(?: e-?mail| odbiorcy)? (?:jest )?"
        r"(?:nie istnieje|nieznany|nieznana|nie został znaleziony|nie zostal znaleziony|"
        r"nie została znaleziona|nie zostala znaleziona)",
        r"nieznany (?:u[żz]ytkownik|adresat|odbiorca)",
        r"(?:uživatel|uzivatel|adresát|adresat|příjemce|prijemce|schránka|schranka|adresa|účet|ucet)"
        r"(?: p[řr][íi]jemce)? (?:je )?"
        r"(?:neexistuje|neznámý|neznámá|neznamy|neznama|nebyl nalezen|nebyla nalezena)",
        r"(?:kullanıcı|kullanici|alıcı|alici|posta kutusu|e-posta adresi|eposta adresi|adres|hesap)"
        r"(?: ad[ıi])? "
        r"(?:bulunamadı|bulunamadi|mevcut değil|mevcut degil|bilinmiyor)",
        r"bilinmeyen (?:kullan[ıi]c[ıi]|al[ıi]c[ıi]|adres)",
        r"(?<!домен )(?<!домена )"
        r"(?:пользователь|пользователя|получатель|получателя|адресат|адресата|ящик|ящика|"
        r"адрес|адреса|учётная запись|учетная запись|учётной записи|учетной записи)(?: получателя)? "
        r"(?:не существует|не найден[а]?|неизвест[а-я]+)",
        r"(?:неизвестный|несуществующий) (?:пользователь|получатель|адрес|ящик)",
        r"нет такого (?:пользователя|ящика|адреса|получателя)",
        r"(?<!域名)(?:收件人|收件者|收信人)(?:地址|帐号|账号|帳號)?(?:不存在|无效|無效|未找到|找不到)",
        r"用户(?:名)?(?:不存在|无效)",
        r"用戶(?:名)?(?:不存在|無效)",
        r"使用者(?:不存在|無效)",
        r"帐号不存在",
        r"账号不存在",
        r"账户不存在",
        r"帳號不存在",
        r"帳戶不存在",
        r"邮箱(?:地址)?(?:不存在|无效)",
        r"郵箱(?:地址)?(?:不存在|無效)",
        r"信箱(?:地址)?(?:不存在|無效)",
        r"(?:查无此人|查無此人|无此用户|無此用戶|无此帐号|無此帳號)",
        r"找不到(?:该|該)?(?:收件人|收件者|地址|邮箱|郵箱|信箱)",
        r"nie znaleziono (?:adresu|u[żz]ytkownika|odbiorcy|skrzynki)",
        r"(?:받는 ?사람|수신자|사용자|계정|메일 ?주소|주소|아이디)(?:의)?(?:이|가|은|는|를)? ?"
        r"(?:존재하지 않|찾을 수 없)",
        r"존재하지 않는 (?:사용자|계정|주소|메일 ?주소|수신자|아이디)",
    ),
    "hostunknown": (
        r"(?:domain|dom[äa]ne|hostname|rechner)(?: \S+)? (?:ist |wurde )?(?:existiert nicht|nicht existiert|"
        r"nicht gefunden|unbekannt)",
        r"(?:domaine|hôte|hote)(?: \S+)? (?:est )?(?:inconnu|introuvable|inexistant|n['’]existe pas)",
        r"dominio[^.\n]{0,60} (?:no existe|no se encuentra|no se ha encontrado|no encontrado|desconocido|"
        r"inexistente)",
        r"(?:domínio|dominio)[^.\n]{0,60} "
        r"(?:n[ãa]o existe|inexistente|desconhecido|n[ãa]o (?:foi )?encontrado)",
        r"dominio[^.\n]{0,60} (?:non esiste|inesistente|sconosciuto|non (?:è stato )?trovato)",
        r"domein(?:naam)?[^.\n]{0,60} (?:bestaat niet|is onbekend|niet gevonden)",
        r"domen[aey][^.\n]{0,60} (?:nie istnieje|nieznana|nie zosta[łl]a znaleziona)",
        r"(?:doména|domény|domena|domeny)[^.\n]{0,60} (?:neexistuje|nezn[áa]m[áa]|nebyla nalezena)",
        r"(?:alan adı|alan adi|etki alanı|etki alani)[^.\n]{0,60} (?:bulunamad[ıi]|mevcut de[ğg]il)",
        r"домен[а-я]*[^.\n]{0,60} (?:не существует|не найден|неизвестен)",
        r"(?:несуществующий|неизвестный) домен",
        r"域名(?:不存在|无效|無效|找不到|未找到|无法解析|無法解析)",
        r"網域(?:不存在|無效|找不到)",
        r"主机(?:名)?(?:不存在|找不到|无法解析)",
        r"主機(?:名稱)?(?:不存在|找不到|無法解析)",
        r"找不到(?:收件人|收件者)?(?:的)?(?:域名|網域|主机|主機)",
        r"도메인(?:을|이|를)? ?(?:찾을 수 없|존재하지 않)",
        r"존재하지 않는 도메인",
    ),
    "expired": (
        r"zeit[üu]berschreitung",
        r"(?:zustellfrist|zustellzeit|wartezeit|gültigkeitsdauer|gultigkeitsdauer)[^.\n]{0,30}"
        r"(?:abgelaufen|[üu]berschritten)",
        r"(?:délai|delai) (?:de (?:remise|distribution|livraison) )?(?:du message )?(?:a |est )?"
        r"(?:expir[ée]|d[ée]pass[ée])",
        r"(?:tiempo|plazo)[^.\n]{0,40}(?:agotado|expirado|caducado|vencido)",
        r"(?:tempo|prazo)[^.\n]{0,40}(?:esgotado|expirado|excedido)",
        r"(?:tempo|termine)[^.\n]{0,40}(?:scadut|esaurit)",
        r"(?:tijdslimiet|wachttijd|time-?out)[^.\n]{0,30}(?:verlopen|overschreden)",
        r"czas[^.\n]{0,40}(?:up[łl]yn[ąa][łl]|min[ąa][łl]|przekroczon)",
        r"(?:čas|lhůta|lhuta)[^.\n]{0,40}(?:vypr[šs]el|p[řr]ekro[čc]en)",
        r"(?:süre|zaman aşımı|zaman asimi)[^.\n]{0,40}(?:doldu|a[şs][ıi]ld[ıi])",
        r"(?:время|срок)[^.\n]{0,40}(?:истекл|истёк|истек)",
        r"превышено время ожидания",
        r"超时",
        r"超時",
        r"(?:已过期|已過期)",
        r"(?:시간 ?초과|(?:전송|발송|대기) ?시간(?:이)? ?만료)",
    ),
    "spamdetected": (
        r"als spam (?:eingestuft|erkannt|klassifiziert|bewertet|markiert)",
        r"spam-?verdacht",
        r"(?:comme|como|come|als|jako) (?:un |uno )?spam",
        r"pourriel",
        r"courrier ind[ée]sirable",
        r"lixo eletr[ôo]nico",
        r"correo no deseado",
        r"posta indesiderata",
        r"ongewenste (?:e-?mail|berichten)",
        r"spam olarak",
        r"istenmeyen (?:e-?posta|ileti|posta)",
        r"спам",
        r"нежелательн(?:ая|ой|ое|ую) (?:почт|рассылк|сообщени|письм)",
        r"(?:垃圾邮件|垃圾郵件|垃圾信件|疑似垃圾|广告邮件|廣告郵件)",
        r"(?:스팸|광고성 ?메일)",
    ),
    "blocked": (
        r"(?:ip|server|absender)[^.\n]{0,40}(?:gesperrt|blockiert)",
        r"sperrliste",
        r"liste noire",
        r"(?:lista negra|lista nera)",
        r"zwarte lijst",
        r"czarn(?:ej|a|ą) list",
        r"[čc]ern[ée] listin",
        r"kara liste",
        r"черн(?:ом|ый|ого|ые) спис",
        r"(?:黑名单|黑名單)",
        r"블랙리스트",
        r"(?:ip|아이피)[^.\n]{0,30}차단",
    ),
    "virusdetected": (
        r"wirus",
        r"virüs",
        r"вирус",
        r"(?:病毒|木马|木馬)",
        r"(?:바이러스|악성 ?코드)",
    ),
    "suspend": (
        r"(?:konto|postfach|benutzer)[^.\n]{0,30} (?:ist |wurde )?(?:gesperrt|deaktiviert|stillgelegt)",
        r"(?:compte|boîte aux lettres|boite aux lettres)[^.\n]{0,30} (?:est )?"
        r"(?:d[ée]sactiv[ée]|suspendu|bloqu[ée])",
        r"cuenta[^.\n]{0,30} (?:est[áa] )?(?:suspendida|desactivada|deshabilitada|bloqueada)",
        r"conta[^.\n]{0,30} (?:est[áa] )?(?:suspensa|desativada|bloqueada)",
        r"(?:account|casella)[^.\n]{0,30} (?:[èe] )?(?:sospes[oa]|disattivat[oa]|bloccat[oa])",
        r"(?:account|mailbox|postvak)[^.\n]{0,30} (?:is )?(?:geblokkeerd|opgeheven|gedeactiveerd)",
        r"konto[^.\n]{0,30} (?:jest )?(?:zablokowane|zawieszone|nieaktywne)",
        r"(?:účet|ucet|schránka|schranka)[^.\n]{0,30} (?:je )?(?:zablokov[áa]n|zru[šs]en|deaktivov[áa]n)",
        r"hesa(?:p|b[ıi])[^.\n]{0,30} (?:ask[ıi]ya al[ıi]n|devre d[ıi][şs][ıi]|kapat[ıi]l)",
        r"(?:ящик|аккаунт|учетная запись|учётная запись)[^.\n]{0,30} (?:заблокирован|отключен|удален|удалён)",
        *(
            box + r"(?:已)?(?:被)?(?:停用|冻结|凍結|禁用|注销|註銷)"
            for box in ("账户", "账号", "帐号", "帳號", "帳戶", "邮箱", "郵箱", "信箱")
        ),
        *(box + r"(?:이|가|은|는)? ?(?:정지|휴면|비활성|해지)" for box in ("계정", "메일함", "아이디")),
    ),
    "norelaying": (
        r"relay(?:ing)? (?:ist )?(?:nicht (?:erlaubt|gestattet)|verweigert|abgelehnt)",
        r"relais (?:non autoris[ée]|refus[ée]|interdit)",
        r"relay (?:no permitido|denegado|n[ãa]o (?:permitido|autorizado)|non (?:consentito|permesso)|negato)",
        *(relay + r"(?:被)?(?:拒绝|拒絕|不允许|不允許)" for relay in ("中继", "中繼", "转发")),
        r"릴레이(?:가)? ?(?:거부|허용되지)",
    ),
}

# Words that mark a message as a delivery failure at all (subject or body of a notice).
WORLD_FAILURE = (
    r"nicht zugestellt|unzustellbar|zustellung (?:fehlgeschlagen|gescheitert)|"
    r"(?:zustellung|nachricht)[^.\n]{0,60}verz[öo]gert|"
    r"non (?:remis|distribu[ée])|pas (?:pu |)[êe]tre (?:remis|distribu[ée]|d[ée]livr[ée])|"
    r"[ée]chec (?:de (?:la )?(?:distribution|remise|livraison))|avis de non-remise|"
    r"no (?:se )?(?:pudo|puede) (?:ser )?entregar|no (?:ha sido|fue) entregado|"
    r"n[ãa]o (?:foi |p[ôo]de ser )?entregue|n[ãa]o (?:foi )?poss[íi]vel entregar|"
    r"non (?:[èe] stato |)recapitat|non (?:[èe] stato possibile )?consegna|mancato recapito|"
    r"onbestelbaar|niet (?:worden )?(?:bezorgd|bestelbaar|afgeleverd)|"
    r"niedostarczon|nie zosta[łl]a dostarczona|nie mo[żz]na dostarczy[ćc]|"
    r"nedoru[čc]iteln|nebyla doru[čc]ena|nelze doru[čc]it|"
    r"teslim edilemedi|iletilemedi|"
    r"не (?:может быть |удалось )?доставлен|не удалось доставить|недоставлен|"
    r"退信|无法发送|無法發送|无法投递|無法投遞|未能送达|無法送達|投递失败|投遞失敗|发送失败|發送失敗|"
    r"전송 ?실패|발송 ?실패|전송하지 못했|배달 ?실패"
)

# Words that say the delivery is only delayed (the system keeps trying).
WORLD_DELAY = (
    r"verzögert|verzoegert|noch nicht zugestellt|"
    r"différée|differee|retardée|retardee|pas encore (?:été|ete) (?:remis|distribu)|"
    r"retrasad[oa]|demorad[oa]|todav[íi]a no se ha entregado|atrasad[oa]|ainda n[ãa]o (?:foi )?entregue|"
    r"ritardat[oa]|non [èe] ancora stato (?:recapitato|consegnato)|vertraagd|nog niet (?:bezorgd|afgeleverd)|"
    r"opóźnion|opoznion|zpožděn|zpozden|gecikti|задерж|延迟|延遲|지연"
)

# Words that mark a line as the failure's reason (diagnostic lines of a notice without reply codes).
WORLD_HINT = (
    r"zugestellt|existiert nicht|unbekannt|postfach|empf[äa]nger|[üu]berschritten|abgelehnt|gesperrt|"
    r"distribu|remis|inconnu|introuvable|pleine|satur|expir|d[ée]pass|rejet|refus|bloqu|"
    r"entregar|entregue|desconocid|desconhecid|no existe|n[ãa]o existe|llen[oa]|cheia|rechaz|rejeitad|"
    r"recapitat|sconosciut|inesistente|piena|rifiutat|bloccat|"
    r"bezorg|onbekend|bestaat niet|geweigerd|geblokkeerd|"
    r"dostarcz|nieznan|nie istnieje|przepe[łl]nion|odrzucon|"
    r"doru[čc]|nezn[áa]m|neexistuje|odm[íi]tnut|"
    r"teslim|bulunamad|bilinmeyen|dolu|reddedil|engellen|"
    r"доставл|доставить|неизвест|не существует|не найден|переполнен|отклонен|заблокирован|превышен|"
    r"退信|原因|不存在|已满|已滿|不足|拒绝|拒絕|超过|超出|超過|过大|過大|找不到|垃圾|"
    r"사유|실패|존재하지|찾을 수 없|초과|가득|거부|차단|스팸"
)

# Where a localised notice's copy of the original starts ("Original message headers:" and kin).
WORLD_ORIGINAL = (
    r"urspr[üu]ngliche nachricht|(?:dies ist )?eine kopie der nachricht|"
    r"en-t[êe]tes (?:de |du )?message d['’]origine|message d['’]origine|"
    r"encabezados (?:del |de )?mensajes? originale?s?|mensaje original|"
    r"cabe[çc]alhos (?:da )?mensagem original|mensagem original|"
    r"intestazioni (?:del )?messaggio originale|messaggio originale|"
    r"oorspronkelijke bericht|"
    r"nag[łl][óo]wki (?:oryginalnej|oryginalnego)|oryginalna wiadomo|"
    r"p[ůu]vodn[íi] zpr[áa]v|"
    r"orijinal ileti|"
    r"заголовки исходного|исходное сообщение|"
    r"原始邮件|原始郵件|原邮件|원본 메시지"
)
WORLD_ORIGINAL_WORDS = (
    "ngliche nachricht", "kopie der nachricht", "origine", "mensa", "messaggio", "oorspronkelijke",
    "oryginaln", "původní", "puvodni", "orijinal", "исходн", "原始", "原邮件", "원본",
)  # fmt: skip

# "Could not be sent to <address>" / "Recipient: <address>" in these languages.
WORLD_RECIPIENT_WORDS = (
    "无法发送到", "無法發送到", "无法投递到", "無法投遞到", "收件人", "收件者",
    "받는 사람", "받는사람", "수신자",
    "empfänger", "destinataire", "destinatario", "destinatário", "ontvanger", "odbiorca", "adresat",
    "příjemce", "alıcı", "получатель",
)  # fmt: skip
