<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja" sourcelanguage="en">
  <context>
    <name>AccountEdits</name>
    <message>
      <source>Remove account</source>
      <translation>アカウントの削除</translation>
    </message>
    <message>
      <source>Remove {address}?</source>
      <translation>{address} を削除しますか？</translation>
    </message>
    <message>
      <source>The account's settings and its saved password are removed from this computer. Your mail on the server is not touched.</source>
      <translation>このパソコンから、アカウントの設定と保存したパスワードを削除します。サーバー上のメールはそのまま残ります。</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>削除</translation>
    </message>
    <message>
      <source>The saved password could not be deleted</source>
      <translation>保存したパスワードを削除できませんでした</translation>
    </message>
    <message>
      <source>The account was removed, but its password is still in the keyring because the keyring could not be used. You can delete the entry “mail-setup-assistant” for {address} in your keyring program later.</source>
      <translation>アカウントは削除しましたが、キーリングを使用できなかったため、パスワードはキーリングに残っています。あとでキーリングのアプリから {address} の「mail-setup-assistant」の項目を削除できます。</translation>
    </message>
  </context>
  <context>
    <name>AccountPanel</name>
    <message>
      <source>Test now</source>
      <translation>今すぐテスト</translation>
    </message>
    <message>
      <source>Log in to the incoming and outgoing server and report what happens</source>
      <translation>受信サーバーと送信サーバーに実際にログインして、結果をお知らせします</translation>
    </message>
    <message>
      <source>Why can't I send?</source>
      <translation>送信できない原因を調べる</translation>
    </message>
    <message>
      <source>Test the outgoing server and send a test message to yourself, then explain the result</source>
      <translation>送信サーバーをテストし、ご自分宛てにテストメールを送って、結果を説明します</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>編集…</translation>
    </message>
    <message>
      <source>Remove…</source>
      <translation>削除…</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>中止</translation>
    </message>
    <message>
      <source>“Test now” logs in to both servers and tells you what works. If only sending fails, use “Why can't I send?”: it also sends a test message to yourself.</source>
      <translation>「今すぐテスト」は受信・送信の両方のサーバーにログインして、どこまで正常に動くかをお知らせします。送信だけうまくいかないときは「送信できない原因を調べる」を押してください。ご自分宛てにテストメールも送ります。</translation>
    </message>
    <message>
      <source>Password: saved in the keyring</source>
      <translation>パスワード: キーリングに保存済み</translation>
    </message>
    <message>
      <source>Password: not saved (you are asked for it when you test)</source>
      <translation>パスワード: 保存していません（テストのときに入力します）</translation>
    </message>
    <message>
      <source>Not tested yet.</source>
      <translation>まだテストしていません。</translation>
    </message>
    <message>
      <source>Last test: {when} — sending worked.</source>
      <translation>前回のテスト: {when} — 送信は正常でした。</translation>
    </message>
    <message>
      <source>Last test: {when} — everything worked.</source>
      <translation>前回のテスト: {when} — すべて正常でした。</translation>
    </message>
    <message>
      <source>Last test: {when} — problems were found.</source>
      <translation>前回のテスト: {when} — 問題が見つかりました。</translation>
    </message>
    <message>
      <source>From {address} to {address}</source>
      <translation>{address} から {address} へ</translation>
    </message>
    <message>
      <source>Testing… this usually takes a few seconds.</source>
      <translation>テストしています…ふつうは数秒で終わります。</translation>
    </message>
    <message>
      <source>Sending works. Your test message arrived in your inbox after {time}. If one particular person does not get your mail, analyze the bounce message that came back.</source>
      <translation>送信できます。テストメールは {time} で受信トレイに届きました。特定の相手にだけ届かない場合は、戻ってきたエラーメールを調べてください。</translation>
    </message>
    <message>
      <source>Sending works: the outgoing server accepted your login and a test message.</source>
      <translation>送信できます。送信サーバーはログインとテストメールを受け付けました。</translation>
    </message>
    <message>
      <source>Everything works: you can receive and send mail.</source>
      <translation>すべて正常です。メールの受信も送信もできます。</translation>
    </message>
    <message>
      <source>Something does not work yet. Below is what happened and what you can do.</source>
      <translation>うまくいかない点があります。何が起きたか、どうすればよいかを下に説明します。</translation>
    </message>
    <message>
      <source>This server did not work</source>
      <translation>このサーバーはうまく動きませんでした</translation>
    </message>
    <message>
      <source>The test stopped with the code {code}.</source>
      <translation>テストはコード {code} で止まりました。</translation>
    </message>
    <message>
      <source>Check the server name, port number and security in the settings.</source>
      <translation>設定のサーバー名・ポート番号・接続の保護を確認してください。</translation>
    </message>
    <message>
      <source>Incoming server</source>
      <translation>受信サーバー</translation>
    </message>
    <message>
      <source>Outgoing server</source>
      <translation>送信サーバー</translation>
    </message>
    <message>
      <source>Test message to yourself</source>
      <translation>自分宛てのテストメール</translation>
    </message>
  </context>
  <context>
    <name>BounceView</name>
    <message>
      <source>Analyze a bounce message</source>
      <translation>エラーメールを調べる</translation>
    </message>
    <message>
      <source>Why did my message come back?</source>
      <translation>メールが戻ってきたのはなぜ？</translation>
    </message>
    <message>
      <source>When a message can't be delivered, a bounce message comes back, often from “MAILER-DAEMON” or “Mail Delivery System”. Save it from your mail program as a file (.eml) and drop it here or open it, or copy its whole text and paste it below.</source>
      <translation>メールが届かなかったときは、エラーメール（差出人は「MAILER-DAEMON」や「Mail Delivery System」などです）が戻ってきます。メールソフトでファイル（.eml）として保存してここにドロップするか、ファイルを開いてください。本文をすべてコピーして下に貼り付けることもできます。</translation>
    </message>
    <message>
      <source>Drop the bounce message (.eml) here</source>
      <translation>エラーメール（.eml）をここにドロップ</translation>
    </message>
    <message>
      <source>Open a file…</source>
      <translation>ファイルを開く…</translation>
    </message>
    <message>
      <source>…or paste the text of the bounce message here</source>
      <translation>…またはエラーメールの本文をここに貼り付けてください</translation>
    </message>
    <message>
      <source>Text of the bounce message</source>
      <translation>エラーメールの本文</translation>
    </message>
    <message>
      <source>Analyze the pasted text</source>
      <translation>貼り付けた内容を調べる</translation>
    </message>
    <message>
      <source>Open a bounce message</source>
      <translation>エラーメールを開く</translation>
    </message>
    <message>
      <source>Mail messages (*.eml *.msg *.txt);;All files (*)</source>
      <translation>メール (*.eml *.msg *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
      <source>The file could not be read ({error}).</source>
      <translation>ファイルを読み込めませんでした（{error}）。</translation>
    </message>
    <message>
      <source>That is empty. Please drop, open or paste a bounce message.</source>
      <translation>内容が空です。エラーメールをドロップするか、開くか、貼り付けてください。</translation>
    </message>
    <message>
      <source>Reading the message…</source>
      <translation>メールを読み取っています…</translation>
    </message>
    <message>
      <source>This message could not be read as an e-mail.</source>
      <translation>このデータはメールとして読み取れませんでした。</translation>
    </message>
    <message>
      <source>This file is not an e-mail message (it contains binary data).</source>
      <translation>このファイルはメールではありません（バイナリデータです）。</translation>
    </message>
    <message>
      <source>This is neither an e-mail message nor the text of a bounce. Please drop, open or paste the bounce message itself.</source>
      <translation>メールでもエラーメールの本文でもないようです。エラーメールそのものをドロップするか、開くか、貼り付けてください。</translation>
    </message>
    <message>
      <source>This does not look like a bounce message: no recipient that could not be reached was found in it. If you copied only part of it, try saving the whole message as a file.</source>
      <translation>エラーメールではないようです。届かなかった宛先が見つかりませんでした。一部だけをコピーした場合は、メール全体をファイルとして保存してお試しください。</translation>
    </message>
    <message>
      <source>This is an automatic reply (for example an out-of-office message), not a bounce.</source>
      <translation>これは自動応答（不在通知など）で、エラーメールではありません。</translation>
    </message>
    <message>
      <source>This is a spam report: a recipient marked your message as spam.</source>
      <translation>これは迷惑メールの報告です。受信者があなたのメールを迷惑メールとして報告しました。</translation>
    </message>
    <message>
      <source>Recipients in this bounce message: {count}</source>
      <translation>このエラーメールに書かれている宛先: {count} 件</translation>
    </message>
    <message>
      <source>Not delivered</source>
      <translation>届きませんでした</translation>
    </message>
    <message>
      <source>Delayed: the server is still trying</source>
      <translation>遅れています（サーバーが再送を続けています）</translation>
    </message>
    <message>
      <source>Delivered</source>
      <translation>届きました</translation>
    </message>
    <message>
      <source>Passed on to another server</source>
      <translation>別のサーバーに転送されました</translation>
    </message>
    <message>
      <source>Passed on to a mailing list</source>
      <translation>メーリングリストに転送されました</translation>
    </message>
    <message>
      <source>Automatic reply</source>
      <translation>自動応答</translation>
    </message>
    <message>
      <source>Marked as spam</source>
      <translation>迷惑メールとして報告されました</translation>
    </message>
    <message>
      <source>A recipient the message does not name</source>
      <translation>（宛先の書かれていない相手）</translation>
    </message>
  </context>
  <context>
    <name>EditDialog</name>
    <message>
      <source>Edit account</source>
      <translation>アカウントの編集</translation>
    </message>
    <message>
      <source>Display name:</source>
      <translation>表示名:</translation>
    </message>
    <message>
      <source>New password:</source>
      <translation>新しいパスワード:</translation>
    </message>
    <message>
      <source>Leave empty to keep the current password</source>
      <translation>変更しない場合は空欄のままにしてください</translation>
    </message>
    <message>
      <source>Save the password in the keyring</source>
      <translation>パスワードをキーリングに保存する</translation>
    </message>
  </context>
  <context>
    <name>KeyringNotice</name>
    <message>
      <source>Your password can't be saved on this computer</source>
      <translation>このパソコンにはパスワードを保存できません</translation>
    </message>
    <message>
      <source>This computer has no password storage (keyring) that the assistant can use, so it can't remember your password. You can continue without saving it: everything works, but you will be asked for the password each time you test the account. The password is never stored anywhere else.</source>
      <translation>このパソコンには、パスワードを安全に保存する仕組み（キーリング）が見つかりませんでした。パスワードを保存せずに続けることができます。動作に問題はありませんが、テストのたびにパスワードを入力していただきます。ほかの場所にパスワードを保存することはありません。</translation>
    </message>
    <message>
      <source>The keyring is locked</source>
      <translation>キーリングがロックされています</translation>
    </message>
    <message>
      <source>Your saved password can't be read</source>
      <translation>保存したパスワードを読み出せません</translation>
    </message>
    <message>
      <source>The password storage (keyring) that holds your password can't be reached on this computer right now. You can type the password this time.</source>
      <translation>パスワードを保存しているキーリングに、いまこのパソコンから接続できません。今回はパスワードを入力してください。</translation>
    </message>
    <message>
      <source>Your password for this account is kept in the keyring, but it is locked or did not let the assistant use it. Unlock it (usually with the password you use to log in to this computer) and try again, or type the password this time.</source>
      <translation>このアカウントのパスワードはキーリングに保存されていますが、キーリングがロックされているか、使用が許可されませんでした。キーリングのロックを解除して（ふつうはこのパソコンにログインするときのパスワードを使います）もう一度お試しいただくか、今回はパスワードを入力してください。</translation>
    </message>
    <message>
      <source>Your passwords are kept in the keyring, but it is locked or did not let the assistant use it. Unlock it (usually with the password you use to log in to this computer) and try again, or continue without saving the password: you will then be asked for it each time you test the account.</source>
      <translation>パスワードはキーリングに保存しますが、キーリングがロックされているか、使用が許可されませんでした。キーリングのロックを解除して（ふつうはこのパソコンにログインするときのパスワードを使います）もう一度お試しいただくか、パスワードを保存せずに続けてください。その場合は、テストのたびにパスワードを入力していただきます。</translation>
    </message>
    <message>
      <source>Continue without saving</source>
      <translation>保存せずに続ける</translation>
    </message>
    <message>
      <source>Type the password instead</source>
      <translation>パスワードを入力する</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>もう一度試す</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>詳細</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Mail Setup Assistant</source>
      <translation>メール設定アシスタント</translation>
    </message>
    <message>
      <source>Add account…</source>
      <translation>アカウントを追加…</translation>
    </message>
    <message>
      <source>Analyze a bounce…</source>
      <translation>エラーメールを調べる…</translation>
    </message>
    <message>
      <source>Find out why a message came back as undeliverable</source>
      <translation>メールが届かずに戻ってきた理由を調べます</translation>
    </message>
    <message>
      <source>Support report…</source>
      <translation>サポート用レポート…</translation>
    </message>
    <message>
      <source>Everything your help desk needs, without your password</source>
      <translation>サポート窓口に必要な情報をまとめます（パスワードは含みません）</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>言語</translation>
    </message>
    <message>
      <source>Mail accounts</source>
      <translation>メールアカウント</translation>
    </message>
    <message>
      <source>There is no mail account yet.</source>
      <translation>メールアカウントはまだありません。</translation>
    </message>
    <message>
      <source>Set up a mail account…</source>
      <translation>メールアカウントを設定する…</translation>
    </message>
    <message>
      <source>Your settings could not be saved</source>
      <translation>設定を保存できませんでした</translation>
    </message>
    <message>
      <source>The settings file could not be written ({error}). Is the disk full?</source>
      <translation>設定ファイルに書き込めませんでした（{error}）。ディスクの空き容量が足りないかもしれません。</translation>
    </message>
    <message>
      <source>Your settings were saved by a newer version of this app, so this version can't read them. It started without accounts. The file was kept unchanged as:
{path}</source>
      <translation>設定はこのアプリの新しいバージョンで保存されたため、このバージョンでは読み込めません。アカウントのない状態で起動しました。元のファイルは変更せずに次の名前で残してあります:
{path}</translation>
    </message>
    <message>
      <source>The settings file was damaged, so the assistant started without accounts. Please add your accounts again. The old file was kept, so your help desk can look at it:
{path}</source>
      <translation>設定ファイルが壊れていたため、アカウントのない状態で起動しました。お手数ですが、アカウントをもう一度追加してください。元のファイルはサポート窓口が調べられるように残してあります:
{path}</translation>
    </message>
    <message>
      <source>Your saved settings could not be read</source>
      <translation>保存した設定を読み込めませんでした</translation>
    </message>
  </context>
  <context>
    <name>Notice</name>
    <message>
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
  </context>
  <context>
    <name>PasswordDialog</name>
    <message>
      <source>Password</source>
      <translation>パスワード</translation>
    </message>
    <message>
      <source>Password for {address}</source>
      <translation>{address} のパスワード</translation>
    </message>
    <message>
      <source>The password is not saved on this computer. Please enter it to run the test.</source>
      <translation>パスワードはこのパソコンに保存されていません。テストするにはパスワードを入力してください。</translation>
    </message>
    <message>
      <source>Hide</source>
      <translation>隠す</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>表示</translation>
    </message>
    <message>
      <source>Show the password</source>
      <translation>パスワードを表示</translation>
    </message>
    <message>
      <source>Save the password in the keyring</source>
      <translation>パスワードをキーリングに保存する</translation>
    </message>
    <message>
      <source>This computer has no password storage (keyring) the assistant can use, so the password can't be saved. You will be asked for it each time.</source>
      <translation>このパソコンには、アシスタントが使えるパスワードの保管場所（キーリング）がないため、パスワードを保存できません。パスワードは毎回入力してください。</translation>
    </message>
    <message>
      <source>The keyring is locked, so the password can't be saved now. You will be asked for it next time.</source>
      <translation>キーリングがロックされているため、今はパスワードを保存できません。次回もパスワードを入力してください。</translation>
    </message>
  </context>
  <context>
    <name>PasswordFlow</name>
    <message>
      <source>Getting your password from the keyring… If a window asks for your keyring password, enter it there.</source>
      <translation>キーリングからパスワードを取り出しています…キーリングのパスワードを求める画面が表示されたら、そこに入力してください。</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <source>Support report</source>
      <translation>サポート用レポート</translation>
    </message>
    <message>
      <source>Send this report to your help desk or provider. It contains your settings and the last test results, but never your password.</source>
      <translation>このレポートをサポート窓口やプロバイダーに送ってください。設定と前回のテスト結果が含まれます。パスワードは含まれません。</translation>
    </message>
    <message>
      <source>Save as HTML…</source>
      <translation>HTML で保存…</translation>
    </message>
    <message>
      <source>Save as text…</source>
      <translation>テキストで保存…</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>コピー</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <source>Web page (*.html)</source>
      <translation>ウェブページ (*.html)</translation>
    </message>
    <message>
      <source>Text (*.txt)</source>
      <translation>テキスト (*.txt)</translation>
    </message>
    <message>
      <source>Save the support report</source>
      <translation>サポート用レポートの保存</translation>
    </message>
    <message>
      <source>Copied ✓</source>
      <translation>コピーしました ✓</translation>
    </message>
    <message>
      <source>The report could not be saved to {path} ({reason}). Please choose another folder.</source>
      <translation>レポートを {path} に保存できませんでした（{reason}）。別のフォルダーを選んでください。</translation>
    </message>
  </context>
  <context>
    <name>Runs</name>
    <message>
      <source>The test was stopped.</source>
      <translation>テストを中止しました。</translation>
    </message>
    <message>
      <source>The test could not run because of an unexpected error. It was written to the log file.</source>
      <translation>予期しないエラーのため、テストを実行できませんでした。内容はログファイルに記録しました。</translation>
    </message>
  </context>
  <context>
    <name>SupportReport</name>
    <message>
      <source>App and system</source>
      <translation>アプリとシステム</translation>
    </message>
    <message>
      <source>App version</source>
      <translation>アプリのバージョン</translation>
    </message>
    <message>
      <source>Operating system</source>
      <translation>OS</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>詳細</translation>
    </message>
    <message>
      <source>Keyring</source>
      <translation>キーリング</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>作成日時</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>メールアドレス</translation>
    </message>
    <message>
      <source>Display name</source>
      <translation>表示名</translation>
    </message>
    <message>
      <source>Password saved in the keyring</source>
      <translation>パスワードをキーリングに保存</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>はい</translation>
    </message>
    <message>
      <source>no</source>
      <translation>いいえ</translation>
    </message>
    <message>
      <source>Last test</source>
      <translation>前回のテスト</translation>
    </message>
    <message>
      <source>Account: {address}</source>
      <translation>アカウント: {address}</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>結果</translation>
    </message>
    <message>
      <source>works</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>失敗</translation>
    </message>
    <message>
      <source>Server</source>
      <translation>サーバー</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>コード</translation>
    </message>
    <message>
      <source>Server reply</source>
      <translation>サーバーの応答</translation>
    </message>
    <message>
      <source>Explanation</source>
      <translation>説明</translation>
    </message>
    <message>
      <source>Last test: {role}</source>
      <translation>前回のテスト: {role}</translation>
    </message>
    <message>
      <source>Mail Setup Assistant — support report</source>
      <translation>メール設定アシスタント — サポート用レポート</translation>
    </message>
    <message>
      <source>everything worked</source>
      <translation>すべて正常</translation>
    </message>
    <message>
      <source>incoming server</source>
      <translation>受信サーバー</translation>
    </message>
    <message>
      <source>outgoing server</source>
      <translation>送信サーバー</translation>
    </message>
    <message>
      <source>test message to yourself</source>
      <translation>自分あてのテストメール</translation>
    </message>
  </context>
</TS>