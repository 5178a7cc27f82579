<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="64"/>
        <source>Your mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="67"/>
        <source>Find my settings</source>
        <translation>設定を探す</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="78"/>
        <source>Enter the address and password you received from your mail provider. We will find the server settings for you.</source>
        <translation>プロバイダーから届いたメールアドレスとパスワードを入力してください。サーバーの設定はこちらで探します。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="82"/>
        <source>&amp;Mail address:</source>
        <translation>メールアドレス(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="83"/>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="84"/>
        <source>&amp;Your name:</source>
        <translation>表示名(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="85"/>
        <source>&amp;Show password</source>
        <translation>パスワードを表示する(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="86"/>
        <source>Shown to the people you write to (optional)</source>
        <translation>メールの相手に表示される名前です（省略できます）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="89"/>
        <source>Your password is only sent to your own mail servers, and only over an encrypted connection unless you allow otherwise.</source>
        <translation>パスワードはお使いのメールサーバーにだけ送ります。許可しない限り、暗号化された接続でしか送りません。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="93"/>
        <source>Mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="94"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="95"/>
        <source>Show password</source>
        <translation>パスワードを表示する</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="96"/>
        <source>Your name</source>
        <translation>表示名</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="123"/>
        <source>This does not look like a mail address.</source>
        <translation>メールアドレスの形になっていません。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/account_page.py" line="147"/>
        <source>Please enter your password.</source>
        <translation>パスワードを入力してください。</translation>
    </message>
</context>
<context>
    <name>CertificateView</name>
    <message>
        <location filename="../../assistant/gui/widgets/certificate_view.py" line="30"/>
        <source>Made for:</source>
        <translation>対象の名前:</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/certificate_view.py" line="31"/>
        <source>Issued by:</source>
        <translation>発行者:</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/certificate_view.py" line="33"/>
        <source>Valid:</source>
        <translation>有効期間:</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/certificate_view.py" line="34"/>
        <source>{start} to {end}</source>
        <translation>{start} ～ {end}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/certificate_view.py" line="40"/>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 フィンガープリント:</translation>
    </message>
</context>
<context>
    <name>DiscoveryPage</name>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="85"/>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="86"/>
        <source>Finding your settings</source>
        <translation>設定を探しています</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="90"/>
        <source>Enter settings myself</source>
        <translation>自分で設定を入力する</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="91"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="107"/>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="159"/>
        <source>Stopped</source>
        <translation>中止しました</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="239"/>
        <source>Settings found for {provider}</source>
        <translation>{provider} の設定が見つかりました</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="241"/>
        <source>Settings found</source>
        <translation>設定が見つかりました</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="246"/>
        <source>Found in: {source}</source>
        <translation>見つけた場所: {source}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="274"/>
        <source>Your address:</source>
        <translation>あなたのアドレス:</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="275"/>
        <source>Your password would go to:</source>
        <translation>パスワードの送り先:</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="279"/>
        <source>Server:</source>
        <translation>サーバー:</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="280"/>
        <source>Please check these settings before we log in</source>
        <translation>ログインする前に、この設定を確認してください</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="282"/>
        <source>I checked the names above and want to use these servers</source>
        <translation>上の名前を確認しました。このサーバーを使います</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="299"/>
        <source>These settings were downloaded without encryption (HTTP), so someone could have changed them on the way.</source>
        <translation>この設定は暗号化されていない接続（HTTP）で取得したため、途中で書き換えられた可能性があります。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="302"/>
        <source>These settings come from DNS records that cannot be verified.</source>
        <translation>この設定は、正しさを確かめられない DNS の情報から得たものです。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="304"/>
        <source>Your password would be sent to a company with a different domain than your address. This is normal when your provider uses another company&apos;s servers, but please make sure you recognise it.</source>
        <translation>パスワードが、アドレスとは別のドメインの会社に送られます。プロバイダーが他社のサーバーを使っている場合はよくあることですが、知っている会社か確認してください。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="308"/>
        <source>These settings come from data we could not verify.</source>
        <translation>この設定は、正しさを確認できていない情報から得たものです。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="310"/>
        <source>We guessed these server names; they answered, but nothing confirms they belong to your provider.</source>
        <translation>よく使われるサーバー名を試したところ応答がありました。ただし、お使いのプロバイダーのサーバーだという確証はありません。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="314"/>
        <source>This server does not encrypt the connection: your password would travel unprotected.</source>
        <translation>このサーバーは接続を暗号化しません。パスワードが保護されずに送られます。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="327"/>
        <source>Before you continue</source>
        <translation>続ける前にご確認ください</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="336"/>
        <source>Open your provider&apos;s help page</source>
        <translation>プロバイダーのヘルプページを開く</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="346"/>
        <source>Looking for the settings of {address}…</source>
        <translation>{address} の設定を探しています…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="348"/>
        <source>Search stopped. You can search again or enter the settings yourself.</source>
        <translation>検索を止めました。もう一度探すか、設定を自分で入力できます。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="351"/>
        <source>Something went wrong while searching. You can search again or enter the settings yourself.</source>
        <translation>検索中に問題が起きました。もう一度探すか、設定を自分で入力できます。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="355"/>
        <source>We could not find settings for {address}. Your provider&apos;s setup notice lists them; you can enter them yourself.</source>
        <translation>{address} の設定は見つかりませんでした。プロバイダーの設定情報（設定完了のお知らせなど）に書かれている値を入力してください。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="359"/>
        <source>Done. Nothing has been sent to the servers yet.</source>
        <translation>完了しました。まだサーバーには何も送っていません。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="367"/>
        <source>Search &amp;again</source>
        <translation>もう一度探す(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/discovery_page.py" line="368"/>
        <source>Where we looked</source>
        <translation>検索した場所</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../assistant/gui/widgets/error_dialog.py" line="22"/>
        <source>Something went wrong</source>
        <translation>問題が発生しました</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/error_dialog.py" line="24"/>
        <source>Something unexpected went wrong. Your settings are safe.</source>
        <translation>予期しない問題が発生しました。設定は失われていません。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/error_dialog.py" line="29"/>
        <source>Please try again. If it happens again, copy the details and send them to whoever helps you with your computer.</source>
        <translation>もう一度お試しください。繰り返し起きる場合は、詳細をコピーしてサポート窓口やパソコンに詳しい方に送ってください。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/error_dialog.py" line="36"/>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
</context>
<context>
    <name>ExplanationCard</name>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="69"/>
        <source>What to do</source>
        <translation>対処方法</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="80"/>
        <source>Who can fix it:</source>
        <translation>対処できる人:</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="85"/>
        <source>Trying again later can help.</source>
        <translation>しばらく時間をおいてから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="89"/>
        <source>More help from your provider</source>
        <translation>プロバイダーのヘルプを見る</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="99"/>
        <source>The certificate the server showed</source>
        <translation>サーバーが提示した証明書</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="106"/>
        <source>Test &amp;again</source>
        <translation>もう一度テスト(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="118"/>
        <source>Trust this certificate…</source>
        <translation>この証明書を信頼する…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="130"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="146"/>
        <source>Technical details</source>
        <translation>技術的な詳細</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="149"/>
        <source>&amp;Copy for support</source>
        <translation>サポート用にコピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="164"/>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="165"/>
        <source>You can fix this yourself.</source>
        <translation>ご自身で直せます。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="166"/>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="167"/>
        <source>Your mail provider or administrator.</source>
        <translation>プロバイダーまたは管理者にお問い合わせください。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="168"/>
        <source>The person you wrote to.</source>
        <translation>送り先の相手の方に確認してもらってください。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="169"/>
        <source>Whoever runs your network (your internet provider, or the office network).</source>
        <translation>ネットワークの管理者（インターネットのプロバイダー、または職場のネットワーク担当）にお問い合わせください。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="176"/>
        <source>Use the server name {host}</source>
        <translation>サーバー名を {host} にして試す</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="178"/>
        <source>Try the user name {user}</source>
        <translation>ユーザー名を {user} にして試す</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="179"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="181"/>
        <source>Try port {port} with {security}</source>
        <translation>ポート {port}・{security} で試す</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="185"/>
        <source>Try port {port}</source>
        <translation>ポート {port} で試す</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="187"/>
        <source>Try {security}</source>
        <translation>{security} で試す</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="188"/>
        <source>Try the suggested fix</source>
        <translation>提案された設定で試す</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/explanation_card.py" line="230"/>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="51"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="62"/>
        <source>Enter the password again</source>
        <translation>パスワードを入力し直す</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="64"/>
        <source>Change settings</source>
        <translation>設定を変更する</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="66"/>
        <source>Finish</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="67"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="119"/>
        <source>Checking this computer&apos;s password storage (keyring)…</source>
        <translation>このパソコンのパスワード保管場所（キーリング）を確認しています…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="122"/>
        <source>This computer has no password storage (keyring) we can use, so the password can&apos;t be saved. You will be asked for it when needed.</source>
        <translation>このパソコンには利用できるパスワードの保管場所（キーリング）がないため、パスワードは保存できません。必要なときにパスワードをお尋ねします。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="127"/>
        <source>The password storage (keyring) is locked or not answering, so the password can&apos;t be saved now. You will be asked for it when needed.</source>
        <translation>パスワードの保管場所（キーリング）がロックされているか応答しないため、今はパスワードを保存できません。必要なときにパスワードをお尋ねします。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="165"/>
        <source>Your mail account works</source>
        <translation>メールアカウントは正しく使えます</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="169"/>
        <source>Test message: sent and received in {time}</source>
        <translation>テストメール: {time} で送受信できました</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="177"/>
        <source>Something needs your attention</source>
        <translation>確認が必要な点があります</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="179"/>
        <source>Some things need your attention</source>
        <translation>確認が必要な点がいくつかあります</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="183"/>
        <source>Nothing was saved yet. Read what happened below, then try the suggestion or change the settings.</source>
        <translation>まだ何も保存していません。下の説明を読んで、提案を試すか設定を変更してください。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="211"/>
        <source>Test message to yourself</source>
        <translation>自分あてのテストメール</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="215"/>
        <source>Incoming mail server ({host})</source>
        <translation>受信メールサーバー（{host}）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="216"/>
        <source>Outgoing mail server ({host})</source>
        <translation>送信メールサーバー（{host}）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="231"/>
        <source>This server did not work</source>
        <translation>このサーバーに接続できませんでした</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="232"/>
        <source>The test stopped with the code {code}.</source>
        <translation>テストはコード {code} で止まりました。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="233"/>
        <source>Check the server name, port number and security in the settings.</source>
        <translation>設定のサーバー名、ポート番号、暗号化の方式を確認してください。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="295"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="314"/>
        <source>The account is saved, but not the password: this computer has no password storage (keyring) we can use. You will be asked for the password when needed.</source>
        <translation>アカウントは保存しましたが、パスワードは保存していません。このパソコンには利用できるパスワードの保管場所（キーリング）がありません。必要なときにパスワードをお尋ねします。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="319"/>
        <source>The account is saved, but not the password: the password storage (keyring) is locked or refused. You will be asked for the password when needed.</source>
        <translation>アカウントは保存しましたが、パスワードは保存していません。パスワードの保管場所（キーリング）がロックされているか、保存を拒否しました。必要なときにパスワードをお尋ねします。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="323"/>
        <source>Saved. Your password is kept in this computer&apos;s password storage (keyring).</source>
        <translation>保存しました。パスワードはこのパソコンのパスワード保管場所（キーリング）に保存しています。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="325"/>
        <source>Saved. The password was not saved; you will be asked for it when needed.</source>
        <translation>保存しました。パスワードは保存していないため、必要なときにお尋ねします。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="328"/>
        <source>Your previous settings file could not be read; it was kept as {path}.</source>
        <translation>以前の設定ファイルが読み込めなかったため、{path} として残しています。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="339"/>
        <source>The account could not be saved: {reason}</source>
        <translation>アカウントを保存できませんでした: {reason}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/result_page.py" line="344"/>
        <source>Remember my password (kept in this computer&apos;s password storage)</source>
        <translation>パスワードを記憶する（このパソコンのパスワード保管場所に保存します）</translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="52"/>
        <source>Incoming mail server</source>
        <translation>受信メールサーバー</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="52"/>
        <source>Outgoing mail server (SMTP)</source>
        <translation>送信メールサーバー（SMTP）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="57"/>
        <source>Type:</source>
        <translation>種類:</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="58"/>
        <source>Server name:</source>
        <translation>サーバー名:</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="59"/>
        <source>Port number:</source>
        <translation>ポート番号:</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="60"/>
        <source>Security:</source>
        <translation>接続の保護:</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="61"/>
        <source>User name:</source>
        <translation>ユーザー名:</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="66"/>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="70"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="71"/>
        <source>Server name</source>
        <translation>サーバー名</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="72"/>
        <source>Port number</source>
        <translation>ポート番号</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="73"/>
        <source>Security</source>
        <translation>接続の保護</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="74"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="106"/>
        <source>Please enter the server name, e.g. mail.example.jp.</source>
        <translation>サーバー名を入力してください（例: mail.example.jp）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="108"/>
        <source>A server name has no spaces, @, / or :, e.g. mail.example.jp.</source>
        <translation>サーバー名に空白、@、/、: は入りません（例: mail.example.jp）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="110"/>
        <source>A server name has at least one dot, e.g. mail.example.jp.</source>
        <translation>サーバー名にはドット（.）が入ります（例: mail.example.jp）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="113"/>
        <source>The port number is a number from 1 to 65535 (usually {usual}).</source>
        <translation>ポート番号は 1～65535 の数字です（ふつうは {usual}）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/server_form.py" line="117"/>
        <source>Please enter the user name (often your mail address).</source>
        <translation>ユーザー名を入力してください（多くの場合メールアドレスです）。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../assistant/gui/wizard/settings_page.py" line="94"/>
        <source>Your settings</source>
        <translation>設定の確認</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/settings_page.py" line="97"/>
        <source>Test these settings</source>
        <translation>この設定でテストする</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/settings_page.py" line="209"/>
        <source>How should your mail be kept?</source>
        <translation>メールの受け取り方を選んでください</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/settings_page.py" line="210"/>
        <source>&amp;IMAP (recommended)</source>
        <translation>IMAP（おすすめ）(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/settings_page.py" line="212"/>
        <source>The same mail on every device (phone, computer, web). Needs a connection to read mail.</source>
        <translation>スマートフォン、パソコン、Web のどこでも同じメールが見られます。メールを読むにはインターネット接続が必要です。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/settings_page.py" line="214"/>
        <source>P&amp;OP</source>
        <translation>POP(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/settings_page.py" line="217"/>
        <source>Mail is downloaded to this computer and can be read offline. Saves space on the server, but other devices will not see it.</source>
        <translation>メールをこのパソコンに取り込むので、オフラインでも読めます。サーバーの容量を節約できますが、他の機器からは見られなくなります。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/settings_page.py" line="223"/>
        <source>Send my password without encryption (not recommended; only if your provider offers nothing else)</source>
        <translation>パスワードを暗号化せずに送る（おすすめしません。プロバイダーが他の方法に対応していない場合だけ）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/settings_page.py" line="227"/>
        <source>Also send a test message to myself (proves that sending works)</source>
        <translation>自分あてにテストメールも送る（送信できることを確かめます）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/settings_page.py" line="228"/>
        <source>&amp;Edit settings…</source>
        <translation>設定を編集…(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/settings_page.py" line="229"/>
        <source>&amp;Done</source>
        <translation>編集を終える(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/settings_page.py" line="231"/>
        <source>Change any field. Your provider&apos;s setup notice lists these values.</source>
        <translation>どの項目も変更できます。値はプロバイダーの設定情報に書かれています。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../assistant/gui/wizard/wizard.py" line="223"/>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/wizard.py" line="224"/>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/wizard.py" line="225"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/wizard.py" line="226"/>
        <source>Test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/wizard.py" line="227"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/wizard.py" line="235"/>
        <source>Step {n} of {total}</source>
        <translation>手順 {n}／{total}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/wizard.py" line="237"/>
        <source>Set up a mail account — Mail Setup Assistant</source>
        <translation>メールアカウントの設定 — メール設定アシスタント</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/wizard.py" line="246"/>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/wizard.py" line="246"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/wizard.py" line="257"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 戻る(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/wizard.py" line="258"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/wizard.py" line="259"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <location filename="../../assistant/gui/widgets/stage_column.py" line="37"/>
        <source>Incoming server</source>
        <translation>受信サーバー</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/stage_column.py" line="38"/>
        <source>Outgoing server</source>
        <translation>送信サーバー</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/stage_column.py" line="39"/>
        <source>Test message to yourself</source>
        <translation>自分あてのテストメール</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/stage_column.py" line="75"/>
        <source>stopped</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/widgets/stage_column.py" line="84"/>
        <source>not reached</source>
        <translation>未実施</translation>
    </message>
</context>
<context>
    <name>TestingPage</name>
    <message>
        <location filename="../../assistant/gui/wizard/testing_page.py" line="37"/>
        <source>Test results</source>
        <translation>テスト結果</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/testing_page.py" line="38"/>
        <source>Testing your settings</source>
        <translation>設定をテストしています</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/testing_page.py" line="42"/>
        <source>Test again</source>
        <translation>もう一度テスト</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/testing_page.py" line="43"/>
        <source>See the result</source>
        <translation>結果を見る</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/testing_page.py" line="54"/>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/testing_page.py" line="124"/>
        <source>stopped</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/testing_page.py" line="133"/>
        <source>Sent from {address} to itself</source>
        <translation>{address} から自分あてに送ります</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/testing_page.py" line="139"/>
        <source>Testing… This usually takes a few seconds. You can stop at any time.</source>
        <translation>テストしています… 通常は数秒で終わります。いつでも中止できます。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/testing_page.py" line="141"/>
        <source>Test stopped.</source>
        <translation>テストを中止しました。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/testing_page.py" line="143"/>
        <source>The test could not run.</source>
        <translation>テストを実行できませんでした。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/testing_page.py" line="145"/>
        <source>Everything works.</source>
        <translation>すべて正常に動作しています。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/testing_page.py" line="147"/>
        <source>Everything works. Your test message arrived after {time}.</source>
        <translation>すべて正常に動作しています。テストメールは {time} で届きました。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/testing_page.py" line="151"/>
        <source>Some steps did not work. The next page explains why and what to do.</source>
        <translation>うまくいかなかった手順があります。次のページで原因と対処方法を説明します。</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../assistant/gui/wizard/trust_dialog.py" line="17"/>
        <source>Trust this certificate?</source>
        <translation>この証明書を信頼しますか？</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/trust_dialog.py" line="23"/>
        <source>Trust this certificate for {host}, port {port} only?</source>
        <translation>{host} のポート {port} に限り、この証明書を信頼しますか？</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/trust_dialog.py" line="30"/>
        <source>Only do this if your provider or administrator told you this certificate is right (for example a company server with its own certificate). If someone were intercepting your connection, trusting their certificate would give them your password.</source>
        <translation>プロバイダーや管理者から「この証明書で正しい」と案内された場合（独自の証明書を使う社内サーバーなど）だけにしてください。第三者が通信に割り込んでいる場合、その証明書を信頼するとパスワードが相手に渡ってしまいます。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/trust_dialog.py" line="41"/>
        <source>We remember exactly this certificate for this server. If it changes, we will stop and ask again. Certificate checks stay on for every other server.</source>
        <translation>このサーバーについて、この証明書だけを記憶します。証明書が変わった場合は接続を止めて、もう一度お尋ねします。他のサーバーでは証明書の確認を続けます。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/trust_dialog.py" line="49"/>
        <source>I understand, and I checked the fingerprint with my provider</source>
        <translation>内容を理解し、フィンガープリントをプロバイダーに確認しました</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/wizard/trust_dialog.py" line="53"/>
        <source>Trust and test again</source>
        <translation>信頼してもう一度テスト</translation>
    </message>
</context>
<context>
    <name>WizardPage</name>
    <message>
        <location filename="../../assistant/gui/wizard/page.py" line="33"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../assistant/gui/words.py" line="19"/>
        <source>none (not encrypted)</source>
        <translation>なし（暗号化しない）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="25"/>
        <source>Incoming: {protocol} — {host}, port {port}, {security}</source>
        <translation>受信: {protocol} — {host}、ポート {port}、{security}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="33"/>
        <source>Outgoing: {protocol} — {host}, port {port}, {security}</source>
        <translation>送信: {protocol} — {host}、ポート {port}、{security}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="44"/>
        <source>User name: {user}</source>
        <translation>ユーザー名: {user}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="45"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="66"/>
        <source>Find the server (DNS)</source>
        <translation>サーバーを探す（DNS）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="67"/>
        <source>Connect</source>
        <translation>接続</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="68"/>
        <source>Encryption</source>
        <translation>暗号化</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="69"/>
        <source>Server greeting</source>
        <translation>サーバーの応答</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="70"/>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="71"/>
        <source>Open the inbox</source>
        <translation>受信トレイを開く</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="73"/>
        <source>Accept a message (nothing is sent)</source>
        <translation>送信の受け付け（実際には送りません）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="74"/>
        <source>Send the test message</source>
        <translation>テストメールを送る</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="75"/>
        <source>Find it in the inbox</source>
        <translation>受信トレイで確認する</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="82"/>
        <source>Built-in provider list</source>
        <translation>内蔵のプロバイダー一覧</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="83"/>
        <source>Your provider&apos;s setup file</source>
        <translation>プロバイダーの設定ファイル</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="84"/>
        <source>Online provider database</source>
        <translation>オンラインのプロバイダー情報</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="85"/>
        <source>Your mail server&apos;s provider</source>
        <translation>メールサーバー（MX）の提供元</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="86"/>
        <source>Setup file without encryption (HTTP)</source>
        <translation>暗号化なしの設定ファイル（HTTP）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="87"/>
        <source>DNS service records</source>
        <translation>DNS のサービス情報（SRV）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="88"/>
        <source>Trying common server names</source>
        <translation>よく使われるサーバー名を試す</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="95"/>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="96"/>
        <source>Looking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="97"/>
        <source>Found</source>
        <translation>見つかりました</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="98"/>
        <source>Nothing there</source>
        <translation>情報なし</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="99"/>
        <source>No answer</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="100"/>
        <source>Not needed</source>
        <translation>不要</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/words.py" line="101"/>
        <source>Skipped</source>
        <translation>スキップ</translation>
    </message>
</context>
</TS>
