-- The story of each craft, for the verify page: one to three factual sentences in English and
-- Hindi for the ODOP products and GI tags that could be described truthfully. Written from
-- general knowledge of these well-documented crafts and foods (not checked against an official
-- document; db/seed/NOTES.md says so); products and GI tags without a story are left empty
-- rather than guessed. Each update names the row's name as well as its id, so that a database
-- whose reference data differs is left alone. Editable later through the registry API
-- (PATCH /api/v1/products/{id}, PATCH /api/v1/gi-tags/{id}).
UPDATE `products` SET `story` = '{"en":"Agra is one of India''s main centres of leather footwear, much of it made in small family workshops.","hi":"आगरा चमड़े के जूतों का भारत का एक प्रमुख केंद्र है, जिनका बड़ा हिस्सा छोटी पारिवारिक कार्यशालाओं में बनता है।"}' WHERE `id` = 1 AND `name` = 'Leather Products' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Agra''s marble inlay (parchinkari) sets cut pieces of coloured stone into white marble, the technique seen in the Taj Mahal.","hi":"आगरा की पच्चीकारी में सफ़ेद संगमरमर में रंगीन पत्थरों के कटे टुकड़े जड़े जाते हैं, वही तकनीक जो ताजमहल में दिखती है।"}' WHERE `id` = 2 AND `name` = 'Marble Inlay and Stone Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Petha is Agra''s translucent sweet, made from ash gourd cooked in sugar syrup.","hi":"पेठा आगरा की पारदर्शी मिठाई है, जो पेठे (सफ़ेद कद्दू) को चाशनी में पकाकर बनाई जाती है।"}' WHERE `id` = 3 AND `name` = 'Petha' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Aligarh is known as the city of locks: a large share of India''s locks are made in its workshops.","hi":"अलीगढ़ को तालों का शहर कहा जाता है: भारत के बहुत सारे ताले यहीं की कार्यशालाओं में बनते हैं।"}' WHERE `id` = 4 AND `name` = 'Locks and Hardware' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Moonj is a wild grass that grows along rivers. Women dry it, dye it and coil it into baskets, boxes and mats.","hi":"मूँज नदियों के किनारे उगने वाली जंगली घास है। महिलाएँ इसे सुखाकर, रँगकर और लपेटकर टोकरियाँ, डिब्बे और चटाइयाँ बनाती हैं।"}' WHERE `id` = 6 AND `name` = 'Moonj Products' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Jaggery (gur) is made by boiling down fresh sugarcane juice until it thickens and sets.","hi":"गुड़ ताज़े गन्ने के रस को तब तक उबालकर बनाया जाता है, जब तक वह गाढ़ा होकर जम न जाए।"}' WHERE `id` = 11 AND `name` = 'Jaggery (Gur)' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"The black pottery of Nizamabad in Azamgarh district gets its deep black shine in the firing. Patterns scratched into the surface are filled with a silvery paste.","hi":"आज़मगढ़ ज़िले के निज़ामाबाद के काले बर्तनों को गहरी काली चमक पकाई के दौरान मिलती है। सतह पर खुरचे गए नमूनों में चाँदी जैसा चमकीला लेप भरा जाता है।"}' WHERE `id` = 12 AND `name` = 'Black Pottery' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Mubarakpur in Azamgarh district weaves silk saris with zari on handlooms, in the Banarasi tradition.","hi":"आज़मगढ़ ज़िले के मुबारकपुर में हथकरघों पर बनारसी परंपरा की ज़री वाली रेशमी साड़ियाँ बुनी जाती हैं।"}' WHERE `id` = 13 AND `name` = 'Silk Sarees (Mubarakpur)' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Shajar is a stone found in the Ken river near Banda, with natural patterns like plants inside it. It is cut and polished into jewellery and ornaments.","hi":"शजर बाँदा के पास केन नदी में मिलने वाला पत्थर है, जिसके भीतर पेड़-पौधों जैसी प्राकृतिक आकृतियाँ होती हैं। इसे काटकर और चमकाकर गहने और सजावटी सामान बनाए जाते हैं।"}' WHERE `id` = 20 AND `name` = 'Shajar Stone Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Zardozi is embroidery with metallic threads, sequins and beads, worked by hand on cloth stretched over a wooden frame (adda).","hi":"ज़रदोज़ी धातु के धागों, सितारों और मोतियों से की जाने वाली कढ़ाई है, जो लकड़ी के फ़्रेम (अड्डे) पर तने कपड़े पर हाथ से की जाती है।"}' WHERE `id` = 22 AND `name` = 'Zari Zardozi' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"The Bhadohi region is India''s largest centre of hand-knotted carpets. They are knotted by hand on upright looms, mostly from wool.","hi":"भदोही क्षेत्र भारत में हाथ से गाँठ लगाकर बनाए जाने वाले कालीनों का सबसे बड़ा केंद्र है। ये कालीन खड़े करघों पर हाथ से, ज़्यादातर ऊन से, बनाए जाते हैं।"}' WHERE `id` = 26 AND `name` = 'Carpet (Dari)' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Nagina in Bijnor district is known for finely carved woodwork, especially in ebony.","hi":"बिजनौर ज़िले का नगीना लकड़ी पर बारीक नक्काशी, ख़ासकर आबनूस के काम, के लिए जाना जाता है।"}' WHERE `id` = 27 AND `name` = 'Wood Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Zardozi is embroidery with metallic threads, sequins and beads, worked by hand on cloth stretched over a wooden frame (adda).","hi":"ज़रदोज़ी धातु के धागों, सितारों और मोतियों से की जाने वाली कढ़ाई है, जो लकड़ी के फ़्रेम (अड्डे) पर तने कपड़े पर हाथ से की जाती है।"}' WHERE `id` = 29 AND `name` = 'Zari Zardozi' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Khurja pottery is glazed ceramic ware from Bulandshahr district, known for its bright colours and raised floral patterns.","hi":"खुर्जा के बर्तन बुलंदशहर ज़िले के चमकदार (ग्लेज़्ड) चीनी मिट्टी के बर्तन हैं, जो अपने चटख रंगों और उभरे हुए फूलदार नमूनों के लिए जाने जाते हैं।"}' WHERE `id` = 30 AND `name` = 'Ceramic Products (Khurja)' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Zardozi is embroidery with metallic threads, sequins and beads, worked by hand on cloth stretched over a wooden frame (adda).","hi":"ज़रदोज़ी धातु के धागों, सितारों और मोतियों से की जाने वाली कढ़ाई है, जो लकड़ी के फ़्रेम (अड्डे) पर तने कपड़े पर हाथ से की जाती है।"}' WHERE `id` = 31 AND `name` = 'Zari Zardozi' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Chitrakoot''s artisans make wooden toys, turned on the lathe and coloured with lacquer.","hi":"चित्रकूट के कारीगर लकड़ी के खिलौने बनाते हैं, जो खराद पर गढ़े और लाख के रंगों से रंगे जाते हैं।"}' WHERE `id` = 32 AND `name` = 'Wooden Toys' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Jalesar in Etah district casts brass bells and ghungroo, the small bells that dancers tie around their ankles.","hi":"एटा ज़िले के जलेसर में पीतल की घंटियाँ और घुँघरू ढाले जाते हैं, वही छोटी घंटियाँ जिन्हें नर्तक टखनों पर बाँधते हैं।"}' WHERE `id` = 34 AND `name` = 'Ghungroo, Bells and Brass Products' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Farrukhabad is known for hand block printing: patterns are stamped onto cloth by hand with carved wooden blocks.","hi":"फ़र्रुख़ाबाद हाथ की ठप्पा छपाई के लिए जाना जाता है: नक्काशीदार लकड़ी के ठप्पों से कपड़े पर हाथ से नमूने छापे जाते हैं।"}' WHERE `id` = 37 AND `name` = 'Textile Printing' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Firozabad is India''s main centre of glass bangles and glassware, shaped from molten glass and finished by hand.","hi":"फ़िरोज़ाबाद काँच की चूड़ियों और काँच के सामान का भारत का प्रमुख केंद्र है। पिघले काँच से आकार देकर इन्हें हाथ से तैयार किया जाता है।"}' WHERE `id` = 41 AND `name` = 'Glassware' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Ghazipur''s artisans make wall hangings of knotted and woven jute.","hi":"ग़ाज़ीपुर के कारीगर जूट को गूँथकर और बुनकर दीवार पर टाँगने की सजावटी चीज़ें बनाते हैं।"}' WHERE `id` = 47 AND `name` = 'Jute Wall Hanging' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Gorakhpur terracotta is shaped by hand from local clay and fired. Its horses, elephants and other finely decorated figures are the best known pieces.","hi":"गोरखपुर का टेराकोटा स्थानीय मिट्टी से हाथ से गढ़कर पकाया जाता है। बारीक सजावट वाले इसके घोड़े, हाथी और दूसरी आकृतियाँ सबसे प्रसिद्ध हैं।"}' WHERE `id` = 49 AND `name` = 'Terracotta' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Hathras processes asafoetida (hing): the resin, mostly imported, is blended and ground into the hing used in Indian kitchens.","hi":"हाथरस में हींग तैयार की जाती है: ज़्यादातर आयात की गई राल को मिलाकर और पीसकर वह हींग बनती है जो भारतीय रसोई में इस्तेमाल होती है।"}' WHERE `id` = 55 AND `name` = 'Hing (Asafoetida)' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Kalpi in Jalaun district makes paper by hand, much of it from recycled paper and cotton rags.","hi":"जालौन ज़िले के कालपी में हाथ से काग़ज़ बनाया जाता है, जिसका बड़ा हिस्सा रद्दी काग़ज़ और सूती कतरनों से बनता है।"}' WHERE `id` = 56 AND `name` = 'Handmade Paper' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Kannauj distils attar, natural perfume, the traditional way: flowers or herbs are heated in copper stills and the fragrant vapour is caught in sandalwood oil.","hi":"कन्नौज में इत्र पारंपरिक तरीके से बनाया जाता है: फूलों या जड़ी-बूटियों को ताँबे के देगों में गरम किया जाता है और उनकी सुगंधित भाप को चंदन के तेल में सोख लिया जाता है।"}' WHERE `id` = 59 AND `name` = 'Perfume (Itra)' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Kanpur is one of India''s largest centres of leather tanning and leather goods.","hi":"कानपुर चमड़ा शोधन और चमड़े के सामान का भारत का एक सबसे बड़ा केंद्र है।"}' WHERE `id` = 62 AND `name` = 'Leather Products' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Zardozi is embroidery with metallic threads, sequins and beads, worked by hand on cloth stretched over a wooden frame (adda).","hi":"ज़रदोज़ी धातु के धागों, सितारों और मोतियों से की जाने वाली कढ़ाई है, जो लकड़ी के फ़्रेम (अड्डे) पर तने कपड़े पर हाथ से की जाती है।"}' WHERE `id` = 63 AND `name` = 'Zari Zardozi' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Kushinagar''s artisans turn the fibre of banana stems into bags, mats, baskets and other goods.","hi":"कुशीनगर के कारीगर केले के तने के रेशे से थैले, चटाइयाँ, टोकरियाँ और दूसरा सामान बनाते हैं।"}' WHERE `id` = 65 AND `name` = 'Banana Fibre Products' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Chikankari is hand embroidery from Lucknow, traditionally white thread on fine white cotton. The design is printed on the cloth with wooden blocks, embroidered in many kinds of stitch, and then washed out.","hi":"चिकनकारी लखनऊ की हाथ की कढ़ाई है, जो पारंपरिक रूप से महीन सफ़ेद सूती कपड़े पर सफ़ेद धागे से की जाती है। डिज़ाइन लकड़ी के छापों से कपड़े पर छापा जाता है, कई तरह के टाँकों से काढ़ा जाता है, और फिर धो दिया जाता है।"}' WHERE `id` = 70 AND `name` = 'Chikankari' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Zardozi is embroidery with metallic threads, sequins and beads, worked by hand on cloth stretched over a wooden frame (adda).","hi":"ज़रदोज़ी धातु के धागों, सितारों और मोतियों से की जाने वाली कढ़ाई है, जो लकड़ी के फ़्रेम (अड्डे) पर तने कपड़े पर हाथ से की जाती है।"}' WHERE `id` = 71 AND `name` = 'Zari Zardozi' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Mahoba''s artisans carve gaura, a soft white stone, into figures, boxes and decorative pieces.","hi":"महोबा के कारीगर गौरा, एक मुलायम सफ़ेद पत्थर, को तराशकर मूर्तियाँ, डिब्बियाँ और सजावटी सामान बनाते हैं।"}' WHERE `id` = 73 AND `name` = 'Gaura Stone Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Tarkashi inlays fine brass wire into dark wood, usually sheesham, in geometric and floral patterns.","hi":"तारकशी में गहरे रंग की लकड़ी, आमतौर पर शीशम, में पीतल के महीन तार जड़कर ज्यामितीय और फूलदार नमूने बनाए जाते हैं।"}' WHERE `id` = 74 AND `name` = 'Tarkashi Art' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Mathura and Vrindavan make poshak, the embroidered clothes in which images of Krishna (Thakurji) are dressed.","hi":"मथुरा और वृंदावन में पोशाक बनाई जाती है, वे कढ़ाईदार वस्त्र जो ठाकुरजी (कृष्ण) की मूर्तियों को पहनाए जाते हैं।"}' WHERE `id` = 76 AND `name` = 'Thakurji Poshak (deity dresses)' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Meerut is one of India''s main centres of sports goods, from cricket bats and balls to other equipment.","hi":"मेरठ खेल के सामान का भारत का एक प्रमुख केंद्र है, जहाँ क्रिकेट के बल्लों और गेंदों से लेकर दूसरे उपकरण बनते हैं।"}' WHERE `id` = 78 AND `name` = 'Sports Goods' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Mirzapur belongs to the carpet belt around Bhadohi, where carpets and durries are woven by hand, mostly from wool.","hi":"मिर्ज़ापुर भदोही के आसपास की कालीन पट्टी का हिस्सा है, जहाँ कालीन और दरियाँ हाथ से, ज़्यादातर ऊन से, बुनी जाती हैं।"}' WHERE `id` = 79 AND `name` = 'Carpet (Dari)' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Mirzapur has long made brass vessels (pital bartan), cast and beaten into shape by hand.","hi":"मिर्ज़ापुर में लंबे समय से पीतल के बर्तन बनते आए हैं, जिन्हें ढालकर और हाथ से पीटकर आकार दिया जाता है।"}' WHERE `id` = 80 AND `name` = 'Brassware (Pital Bartan)' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Moradabad is known as Peetal Nagri, the brass city. Its artisans cast, engrave and polish brass and other metals into vessels and decorative ware.","hi":"मुरादाबाद को पीतल नगरी कहा जाता है। यहाँ के कारीगर पीतल और दूसरी धातुओं को ढालकर, उन पर नक्काशी करके और चमकाकर बर्तन और सजावटी सामान बनाते हैं।"}' WHERE `id` = 81 AND `name` = 'Metal Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Jaggery (gur) is made by boiling down fresh sugarcane juice until it thickens and sets.","hi":"गुड़ ताज़े गन्ने के रस को तब तक उबालकर बनाया जाता है, जब तक वह गाढ़ा होकर जम न जाए।"}' WHERE `id` = 82 AND `name` = 'Jaggery (Gur)' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Pilibhit makes bamboo flutes (bansuri): the holes are burnt into lengths of bamboo with hot iron rods, and each flute is tuned by hand.","hi":"पीलीभीत में बाँस की बाँसुरियाँ बनती हैं: गरम लोहे की सलाखों से बाँस में छेद किए जाते हैं और हर बाँसुरी के सुर हाथ से मिलाए जाते हैं।"}' WHERE `id` = 83 AND `name` = 'Flute (Bansuri)' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Pratapgarh is a major grower of amla (Indian gooseberry), which is made into murabba, sweets, pickles and juice.","hi":"प्रतापगढ़ आँवले का बड़ा उत्पादक है, जिससे मुरब्बा, मिठाइयाँ, अचार और रस बनाए जाते हैं।"}' WHERE `id` = 84 AND `name` = 'Amla Products' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Moonj is a wild grass that grows along rivers. Women dry it, dye it and coil it into baskets, boxes and mats.","hi":"मूँज नदियों के किनारे उगने वाली जंगली घास है। महिलाएँ इसे सुखाकर, रँगकर और लपेटकर टोकरियाँ, डिब्बे और चटाइयाँ बनाती हैं।"}' WHERE `id` = 86 AND `name` = 'Moonj Products' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Rampur''s patchwork sews cut pieces of cloth onto a base cloth to form patterns, for quilts, bedcovers and cushion covers.","hi":"रामपुर के पैचवर्क में कपड़े के कटे टुकड़ों को आधार कपड़े पर सिलकर नमूने बनाए जाते हैं, रज़ाइयों, चादरों और कुशन कवरों के लिए।"}' WHERE `id` = 88 AND `name` = 'Applique Work and Patchwork' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Saharanpur is known for hand-carved wooden furniture and decorative pieces, mostly in sheesham (Indian rosewood), with deep floral and geometric carving.","hi":"सहारनपुर हाथ से तराशे गए लकड़ी के फ़र्नीचर और सजावटी सामान के लिए जाना जाता है, जो ज़्यादातर शीशम की लकड़ी पर गहरी फूलदार और ज्यामितीय नक्काशी वाले होते हैं।"}' WHERE `id` = 90 AND `name` = 'Wood Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Sambhal''s artisans cut, carve and polish horn and bone into jewellery, combs, boxes and decorative pieces.","hi":"संभल के कारीगर सींग और हड्डी को काटकर, तराशकर और चमकाकर गहने, कंघे, डिब्बियाँ और सजावटी सामान बनाते हैं।"}' WHERE `id` = 92 AND `name` = 'Horn and Bone Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Bakhira in Sant Kabir Nagar district makes brass and bell-metal vessels by hand.","hi":"संत कबीर नगर ज़िले के बखिरा में पीतल और काँसे के बर्तन हाथ से बनाए जाते हैं।"}' WHERE `id` = 93 AND `name` = 'Brassware' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Zardozi is embroidery with metallic threads, sequins and beads, worked by hand on cloth stretched over a wooden frame (adda).","hi":"ज़रदोज़ी धातु के धागों, सितारों और मोतियों से की जाने वाली कढ़ाई है, जो लकड़ी के फ़्रेम (अड्डे) पर तने कपड़े पर हाथ से की जाती है।"}' WHERE `id` = 94 AND `name` = 'Zari Zardozi' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Kala namak is an aromatic rice of eastern Uttar Pradesh with a black husk, grown in the Terai districts below the Himalaya.","hi":"काला नमक पूर्वी उत्तर प्रदेश का काली भूसी वाला सुगंधित चावल है, जो हिमालय की तलहटी के तराई ज़िलों में उगाया जाता है।"}' WHERE `id` = 97 AND `name` = 'Kala Namak Rice' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Moonj is a wild grass that grows along rivers. Women dry it, dye it and coil it into baskets, boxes and mats.","hi":"मूँज नदियों के किनारे उगने वाली जंगली घास है। महिलाएँ इसे सुखाकर, रँगकर और लपेटकर टोकरियाँ, डिब्बे और चटाइयाँ बनाती हैं।"}' WHERE `id` = 100 AND `name` = 'Moonj Products' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Zardozi is embroidery with metallic threads, sequins and beads, worked by hand on cloth stretched over a wooden frame (adda).","hi":"ज़रदोज़ी धातु के धागों, सितारों और मोतियों से की जाने वाली कढ़ाई है, जो लकड़ी के फ़्रेम (अड्डे) पर तने कपड़े पर हाथ से की जाती है।"}' WHERE `id` = 101 AND `name` = 'Zari Zardozi' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Banarasi saris are woven on handlooms from fine silk, with patterns brocaded in gold and silver zari thread. An elaborate sari can take a weaver weeks to finish.","hi":"बनारसी साड़ियाँ हथकरघे पर महीन रेशम से बुनी जाती हैं, जिनमें सोने और चाँदी के ज़री के धागे से बेल-बूटे उभारे जाते हैं। बारीक काम वाली एक साड़ी बुनने में बुनकर को कई हफ़्ते लग सकते हैं।"}' WHERE `id` = 103 AND `name` = 'Banarasi Silk Saree' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Gulabi meenakari is enamel work from Varanasi: coloured enamels, pink above all, are fired onto metal, mostly for jewellery and small decorative pieces.","hi":"गुलाबी मीनाकारी वाराणसी का मीने का काम है: धातु पर रंगीन मीना, ख़ासकर गुलाबी, पकाकर चढ़ाया जाता है, ज़्यादातर गहनों और छोटे सजावटी सामान पर।"}' WHERE `id` = 104 AND `name` = 'Gulabi Meenakari' AND `story` = '{}';
--> statement-breakpoint
UPDATE `products` SET `story` = '{"en":"Varanasi''s wooden toys are turned on a lathe and coloured with lacquer.","hi":"वाराणसी के लकड़ी के खिलौने खराद पर गढ़े जाते हैं और लाख के रंगों से रंगे जाते हैं।"}' WHERE `id` = 105 AND `name` = 'Wooden Toys' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"A guava of the Prayagraj region with a red blush on its skin (surkh means red) and often pink flesh.","hi":"प्रयागराज क्षेत्र का अमरूद, जिसके छिलके पर लाल आभा (सुर्ख़ यानी लाल) होती है और गूदा अक्सर गुलाबी होता है।"}' WHERE `id` = 1 AND `name` = 'Allahabad Surkha Guava' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Banarasi saris are woven on handlooms from fine silk, with patterns brocaded in gold and silver zari thread. An elaborate sari can take a weaver weeks to finish.","hi":"बनारसी साड़ियाँ हथकरघे पर महीन रेशम से बुनी जाती हैं, जिनमें सोने और चाँदी के ज़री के धागे से बेल-बूटे उभारे जाते हैं। बारीक काम वाली एक साड़ी बुनने में बुनकर को कई हफ़्ते लग सकते हैं।"}' WHERE `id` = 2 AND `name` = 'Banaras Brocades and Sarees' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Chikankari is hand embroidery from Lucknow, traditionally white thread on fine white cotton. The design is printed on the cloth with wooden blocks, embroidered in many kinds of stitch, and then washed out.","hi":"चिकनकारी लखनऊ की हाथ की कढ़ाई है, जो पारंपरिक रूप से महीन सफ़ेद सूती कपड़े पर सफ़ेद धागे से की जाती है। डिज़ाइन लकड़ी के छापों से कपड़े पर छापा जाता है, कई तरह के टाँकों से काढ़ा जाता है, और फिर धो दिया जाता है।"}' WHERE `id` = 3 AND `name` = 'Lucknow Chikan Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"The Dasheri mango of Malihabad near Lucknow: sweet, fragrant and almost free of fibre.","hi":"लखनऊ के पास मलिहाबाद का दशहरी आम: मीठा, ख़ुशबूदार और लगभग रेशे रहित।"}' WHERE `id` = 4 AND `name` = 'Malihabadi Dusseheri Mango' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"The Bhadohi region is India''s largest centre of hand-knotted carpets. They are knotted by hand on upright looms, mostly from wool.","hi":"भदोही क्षेत्र भारत में हाथ से गाँठ लगाकर बनाए जाने वाले कालीनों का सबसे बड़ा केंद्र है। ये कालीन खड़े करघों पर हाथ से, ज़्यादातर ऊन से, बनाए जाते हैं।"}' WHERE `id` = 5 AND `name` = 'Handmade Carpet of Bhadohi' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Firozabad is India''s main centre of glass bangles and glassware, shaped from molten glass and finished by hand.","hi":"फ़िरोज़ाबाद काँच की चूड़ियों और काँच के सामान का भारत का प्रमुख केंद्र है। पिघले काँच से आकार देकर इन्हें हाथ से तैयार किया जाता है।"}' WHERE `id` = 6 AND `name` = 'Firozabad Glass' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Kannauj distils attar, natural perfume, the traditional way: flowers or herbs are heated in copper stills and the fragrant vapour is caught in sandalwood oil.","hi":"कन्नौज में इत्र पारंपरिक तरीके से बनाया जाता है: फूलों या जड़ी-बूटियों को ताँबे के देगों में गरम किया जाता है और उनकी सुगंधित भाप को चंदन के तेल में सोख लिया जाता है।"}' WHERE `id` = 7 AND `name` = 'Kannauj Perfume' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Saddles and other riding gear, made by hand from leather in Kanpur.","hi":"कानपुर में चमड़े से हाथ से बनाई जाने वाली काठियाँ और घुड़सवारी का दूसरा साज़-सामान।"}' WHERE `id` = 8 AND `name` = 'Kanpur Saddlery' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Moradabad is known as Peetal Nagri, the brass city. Its artisans cast, engrave and polish brass and other metals into vessels and decorative ware.","hi":"मुरादाबाद को पीतल नगरी कहा जाता है। यहाँ के कारीगर पीतल और दूसरी धातुओं को ढालकर, उन पर नक्काशी करके और चमकाकर बर्तन और सजावटी सामान बनाते हैं।"}' WHERE `id` = 9 AND `name` = 'Moradabad Metal Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Saharanpur is known for hand-carved wooden furniture and decorative pieces, mostly in sheesham (Indian rosewood), with deep floral and geometric carving.","hi":"सहारनपुर हाथ से तराशे गए लकड़ी के फ़र्नीचर और सजावटी सामान के लिए जाना जाता है, जो ज़्यादातर शीशम की लकड़ी पर गहरी फूलदार और ज्यामितीय नक्काशी वाले होते हैं।"}' WHERE `id` = 10 AND `name` = 'Saharanpur Wood Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Zardozi is embroidery with metallic threads, sequins and beads, worked by hand on cloth stretched over a wooden frame (adda).","hi":"ज़रदोज़ी धातु के धागों, सितारों और मोतियों से की जाने वाली कढ़ाई है, जो लकड़ी के फ़्रेम (अड्डे) पर तने कपड़े पर हाथ से की जाती है।"}' WHERE `id` = 11 AND `name` = 'Lucknow Zardozi' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Repoussé is relief hammered into sheet metal from the back. Varanasi''s artisans make temple panels, plates and decorative pieces this way.","hi":"रिपूज़े में धातु की चादर को पीछे से ठोककर उभरी हुई आकृतियाँ बनाई जाती हैं। वाराणसी के कारीगर इसी तरह मंदिरों के पट, थालियाँ और सजावटी सामान बनाते हैं।"}' WHERE `id` = 12 AND `name` = 'Banaras Metal Repousse Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Gulabi meenakari is enamel work from Varanasi: coloured enamels, pink above all, are fired onto metal, mostly for jewellery and small decorative pieces.","hi":"गुलाबी मीनाकारी वाराणसी का मीने का काम है: धातु पर रंगीन मीना, ख़ासकर गुलाबी, पकाकर चढ़ाया जाता है, ज़्यादातर गहनों और छोटे सजावटी सामान पर।"}' WHERE `id` = 13 AND `name` = 'Banaras Gulabi Meenakari Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Varanasi''s wooden toys are turned on a lathe and coloured with lacquer.","hi":"वाराणसी के लकड़ी के खिलौने खराद पर गढ़े जाते हैं और लाख के रंगों से रंगे जाते हैं।"}' WHERE `id` = 14 AND `name` = 'Varanasi Wooden Lacquerware and Toys' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Durries are flat-woven rugs. Mirzapur''s are woven by hand from cotton or wool, often in bold geometric patterns.","hi":"दरी बिना रोएँ की सपाट बुनी हुई बिछावन है। मिर्ज़ापुर की दरियाँ सूत या ऊन से हाथ से बुनी जाती हैं, अक्सर गहरे ज्यामितीय नमूनों में।"}' WHERE `id` = 15 AND `name` = 'Mirzapur Handmade Dari' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"The black pottery of Nizamabad in Azamgarh district gets its deep black shine in the firing. Patterns scratched into the surface are filled with a silvery paste.","hi":"आज़मगढ़ ज़िले के निज़ामाबाद के काले बर्तनों को गहरी काली चमक पकाई के दौरान मिलती है। सतह पर खुरचे गए नमूनों में चाँदी जैसा चमकीला लेप भरा जाता है।"}' WHERE `id` = 16 AND `name` = 'Nizamabad Black Clay Pottery' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Varanasi makes glass beads by hand, winding molten glass around a wire over a flame, for jewellery and decoration.","hi":"वाराणसी में काँच के मनके हाथ से बनाए जाते हैं: लौ पर पिघले काँच को तार के चारों ओर लपेटकर, गहनों और सजावट के लिए।"}' WHERE `id` = 17 AND `name` = 'Varanasi Glass Beads' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Kala namak is an aromatic rice of eastern Uttar Pradesh with a black husk, grown in the Terai districts below the Himalaya.","hi":"काला नमक पूर्वी उत्तर प्रदेश का काली भूसी वाला सुगंधित चावल है, जो हिमालय की तलहटी के तराई ज़िलों में उगाया जाता है।"}' WHERE `id` = 18 AND `name` = 'Kalanamak Rice' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Farrukhabad is known for hand block printing: patterns are stamped onto cloth by hand with carved wooden blocks.","hi":"फ़र्रुख़ाबाद हाथ की ठप्पा छपाई के लिए जाना जाता है: नक्काशीदार लकड़ी के ठप्पों से कपड़े पर हाथ से नमूने छापे जाते हैं।"}' WHERE `id` = 20 AND `name` = 'Farrukhabad Prints' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Khurja pottery is glazed ceramic ware from Bulandshahr district, known for its bright colours and raised floral patterns.","hi":"खुर्जा के बर्तन बुलंदशहर ज़िले के चमकदार (ग्लेज़्ड) चीनी मिट्टी के बर्तन हैं, जो अपने चटख रंगों और उभरे हुए फूलदार नमूनों के लिए जाने जाते हैं।"}' WHERE `id` = 22 AND `name` = 'Khurja Pottery' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Gorakhpur terracotta is shaped by hand from local clay and fired. Its horses, elephants and other finely decorated figures are the best known pieces.","hi":"गोरखपुर का टेराकोटा स्थानीय मिट्टी से हाथ से गढ़कर पकाया जाता है। बारीक सजावट वाले इसके घोड़े, हाथी और दूसरी आकृतियाँ सबसे प्रसिद्ध हैं।"}' WHERE `id` = 23 AND `name` = 'Gorakhpur Terracotta' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Chunar sandstone is a fine-grained buff stone quarried near Chunar in Mirzapur district. The Ashokan pillars, the one at Sarnath among them, were carved from it.","hi":"चुनार का बलुआ पत्थर मिर्ज़ापुर ज़िले में चुनार के पास निकलने वाला महीन दाने का हल्के पीले रंग का पत्थर है। सारनाथ समेत अशोक के स्तंभ इसी से तराशे गए थे।"}' WHERE `id` = 25 AND `name` = 'Chunar Balua Patthar' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Ghazipur''s artisans make wall hangings of knotted and woven jute.","hi":"ग़ाज़ीपुर के कारीगर जूट को गूँथकर और बुनकर दीवार पर टाँगने की सजावटी चीज़ें बनाते हैं।"}' WHERE `id` = 26 AND `name` = 'Ghazipur Wall Hanging' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Soft stone is carved into lattice (jali) and figures, sometimes with a second figure carved free inside the first.","hi":"मुलायम पत्थर को तराशकर जाली और आकृतियाँ बनाई जाती हैं, कभी-कभी एक आकृति के भीतर दूसरी आकृति अलग से तराशकर।"}' WHERE `id` = 27 AND `name` = 'Varanasi Soft Stone Jali Work' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Zardozi is embroidery with metallic threads, sequins and beads, worked by hand on cloth stretched over a wooden frame (adda).","hi":"ज़रदोज़ी धातु के धागों, सितारों और मोतियों से की जाने वाली कढ़ाई है, जो लकड़ी के फ़्रेम (अड्डे) पर तने कपड़े पर हाथ से की जाती है।"}' WHERE `id` = 28 AND `name` = 'Banaras Zardozi' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Mirzapur has long made brass vessels (pital bartan), cast and beaten into shape by hand.","hi":"मिर्ज़ापुर में लंबे समय से पीतल के बर्तन बनते आए हैं, जिन्हें ढालकर और हाथ से पीटकर आकार दिया जाता है।"}' WHERE `id` = 29 AND `name` = 'Mirzapur Pital Bartan' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Varanasi''s woodcarvers carve figures, panels and decorative pieces by hand.","hi":"वाराणसी के काष्ठशिल्पी हाथ से आकृतियाँ, पट और सजावटी सामान तराशते हैं।"}' WHERE `id` = 30 AND `name` = 'Banaras Wood Carving' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Hand block printing stamps patterns onto cloth with carved wooden blocks, one colour at a time.","hi":"हाथ की ठप्पा छपाई में नक्काशीदार लकड़ी के ठप्पों से कपड़े पर एक-एक रंग करके नमूने छापे जाते हैं।"}' WHERE `id` = 31 AND `name` = 'Banaras Hand Block Print' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"The betel leaf of Varanasi, folded with fillings such as areca nut, catechu and slaked lime.","hi":"वाराणसी का पान, जिसे सुपारी, कत्था और चूने जैसी चीज़ें भरकर मोड़ा जाता है।"}' WHERE `id` = 32 AND `name` = 'Banarasi Paan' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Langda is a mango of Varanasi that stays green when ripe, with sweet, fibre-free flesh.","hi":"लंगड़ा वाराणसी का आम है, जो पकने पर भी हरा रहता है और जिसका गूदा मीठा और रेशे रहित होता है।"}' WHERE `id` = 33 AND `name` = 'Banaras Langda Aam' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"A large, round aubergine (bhanta) grown at Ramnagar near Varanasi.","hi":"वाराणसी के पास रामनगर में उगाया जाने वाला बड़ा, गोल भंटा (बैंगन)।"}' WHERE `id` = 34 AND `name` = 'Ramnagar Bhanta' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"A small-grained, fragrant rice of Chandauli district.","hi":"चंदौली ज़िले का छोटे दाने वाला सुगंधित चावल।"}' WHERE `id` = 35 AND `name` = 'Adamchini Chawal' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Aligarh is known as the city of locks: a large share of India''s locks are made in its workshops.","hi":"अलीगढ़ को तालों का शहर कहा जाता है: भारत के बहुत सारे ताले यहीं की कार्यशालाओं में बनते हैं।"}' WHERE `id` = 36 AND `name` = 'Aligarh Tala' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Bakhira in Sant Kabir Nagar district makes brass and bell-metal vessels by hand.","hi":"संत कबीर नगर ज़िले के बखिरा में पीतल और काँसे के बर्तन हाथ से बनाए जाते हैं।"}' WHERE `id` = 37 AND `name` = 'Bakhira Brassware' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Shajar is a stone found in the Ken river near Banda, with natural patterns like plants inside it. It is cut and polished into jewellery and ornaments.","hi":"शजर बाँदा के पास केन नदी में मिलने वाला पत्थर है, जिसके भीतर पेड़-पौधों जैसी प्राकृतिक आकृतियाँ होती हैं। इसे काटकर और चमकाकर गहने और सजावटी सामान बनाए जाते हैं।"}' WHERE `id` = 38 AND `name` = 'Banda Shajar Patthar Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Nagina in Bijnor district is known for finely carved woodwork, especially in ebony.","hi":"बिजनौर ज़िले का नगीना लकड़ी पर बारीक नक्काशी, ख़ासकर आबनूस के काम, के लिए जाना जाता है।"}' WHERE `id` = 39 AND `name` = 'Nagina Wood Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Amla (Indian gooseberry) from Pratapgarh, a major growing district, made into murabba, sweets, pickles and juice.","hi":"प्रतापगढ़ का आँवला, जो इसका बड़ा उत्पादक ज़िला है; इससे मुरब्बा, मिठाइयाँ, अचार और रस बनते हैं।"}' WHERE `id` = 40 AND `name` = 'Pratapgarh Aonla' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Hathras processes asafoetida (hing): the resin, mostly imported, is blended and ground into the hing used in Indian kitchens.","hi":"हाथरस में हींग तैयार की जाती है: ज़्यादातर आयात की गई राल को मिलाकर और पीसकर वह हींग बनती है जो भारतीय रसोई में इस्तेमाल होती है।"}' WHERE `id` = 41 AND `name` = 'Hathras Hing' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"The dholak is a two-headed hand drum. Amroha''s are made from hollowed wood with skin heads laced with rope.","hi":"ढोलक दोनों ओर से बजने वाला हाथ का ढोल है। अमरोहा की ढोलक खोखली लकड़ी से बनती है, जिस पर चमड़े की पूड़ी रस्सी से कसी जाती है।"}' WHERE `id` = 42 AND `name` = 'Amroha Dholak' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Mahoba''s artisans carve gaura, a soft white stone, into figures, boxes and decorative pieces.","hi":"महोबा के कारीगर गौरा, एक मुलायम सफ़ेद पत्थर, को तराशकर मूर्तियाँ, डिब्बियाँ और सजावटी सामान बनाते हैं।"}' WHERE `id` = 43 AND `name` = 'Mahoba Gaura Patthar Hastshilp' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Tarkashi inlays fine brass wire into dark wood, usually sheesham, in geometric and floral patterns.","hi":"तारकशी में गहरे रंग की लकड़ी, आमतौर पर शीशम, में पीतल के महीन तार जड़कर ज्यामितीय और फूलदार नमूने बनाए जाते हैं।"}' WHERE `id` = 44 AND `name` = 'Mainpuri Tarkashi' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Sambhal''s artisans cut, carve and polish horn into jewellery, combs, boxes and decorative pieces.","hi":"संभल के कारीगर सींग को काटकर, तराशकर और चमकाकर गहने, कंघे, डिब्बियाँ और सजावटी सामान बनाते हैं।"}' WHERE `id` = 45 AND `name` = 'Sambhal Horn Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Kalpi in Jalaun district makes paper by hand, much of it from recycled paper and cotton rags.","hi":"जालौन ज़िले के कालपी में हाथ से काग़ज़ बनाया जाता है, जिसका बड़ा हिस्सा रद्दी काग़ज़ और सूती कतरनों से बनता है।"}' WHERE `id` = 48 AND `name` = 'Kalpi Handmade Paper' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Jalesar in Etah district casts brass bells and ghungroo, the small bells that dancers tie around their ankles.","hi":"एटा ज़िले के जलेसर में पीतल की घंटियाँ और घुँघरू ढाले जाते हैं, वही छोटी घंटियाँ जिन्हें नर्तक टखनों पर बाँधते हैं।"}' WHERE `id` = 49 AND `name` = 'Jalesar Dhatu Shilp' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"The tabla is a pair of hand drums: Varanasi''s makers shape them from wood and metal and stretch skin heads over them.","hi":"तबला हाथ से बजने वाले दो ढोलों की जोड़ी है: वाराणसी के कारीगर इन्हें लकड़ी और धातु से बनाकर उन पर चमड़े की पूड़ी कसते हैं।"}' WHERE `id` = 51 AND `name` = 'Banaras Tabla' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"The shehnai is a double-reed wind instrument played at weddings and in temples, made by hand in Varanasi.","hi":"शहनाई दोहरी रीड वाला सुषिर वाद्य है, जो शादियों और मंदिरों में बजाया जाता है और वाराणसी में हाथ से बनाया जाता है।"}' WHERE `id` = 52 AND `name` = 'Banaras Shehnai' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Large red chillies stuffed with spices and pickled in mustard oil, a speciality of Varanasi.","hi":"मसाले भरकर सरसों के तेल में डाली गई बड़ी लाल मिर्च का अचार, वाराणसी की ख़ासियत।"}' WHERE `id` = 53 AND `name` = 'Banaras Lal Bharwamirch' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Karonda is a small, sour berry grown around Chiraigaon near Varanasi and used in pickles and preserves.","hi":"करौंदा वाराणसी के पास चिरईगाँव में उगने वाला छोटा खट्टा फल है, जिससे अचार और मुरब्बे बनते हैं।"}' WHERE `id` = 54 AND `name` = 'Chiraigaon Karonda' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"A milk sweet of Varanasi, cooked down until it turns reddish brown.","hi":"वाराणसी का दूध से बना पेड़ा, जिसे तब तक पकाया जाता है जब तक उसका रंग लाल-भूरा न हो जाए।"}' WHERE `id` = 55 AND `name` = 'Banaras Lal Peda' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"A sweet of Jaunpur: rings of urad lentil batter fried in ghee and soaked in syrup.","hi":"जौनपुर की मिठाई: उड़द की दाल के घोल के छल्लों को घी में तलकर चाशनी में डुबोया जाता है।"}' WHERE `id` = 57 AND `name` = 'Jaunpur Imarti' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Sanjhi is the art of cutting fine paper stencils, used in Mathura and Vrindavan to make pictures of Krishna''s life.","hi":"साँझी महीन काग़ज़ के स्टेंसिल काटने की कला है, जिससे मथुरा और वृंदावन में कृष्ण के जीवन के चित्र बनाए जाते हैं।"}' WHERE `id` = 58 AND `name` = 'Mathura Sanjhi Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Kathiya is a hard, durum-type wheat grown in Bundelkhand.","hi":"कठिया बुंदेलखंड में उगाया जाने वाला कठोर दाने का गेहूँ है।"}' WHERE `id` = 59 AND `name` = 'Bundelkhand Kathiya Gehu' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Pilibhit makes bamboo flutes (bansuri): the holes are burnt into lengths of bamboo with hot iron rods, and each flute is tuned by hand.","hi":"पीलीभीत में बाँस की बाँसुरियाँ बनती हैं: गरम लोहे की सलाखों से बाँस में छेद किए जाते हैं और हर बाँसुरी के सुर हाथ से मिलाए जाते हैं।"}' WHERE `id` = 60 AND `name` = 'Pilibhit Bansuri' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Sambhal''s artisans cut, carve and polish bone into jewellery, boxes and decorative pieces.","hi":"संभल के कारीगर हड्डी को काटकर, तराशकर और चमकाकर गहने, डिब्बियाँ और सजावटी सामान बनाते हैं।"}' WHERE `id` = 61 AND `name` = 'Sambhal Bone Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Chitrakoot''s artisans make wooden toys, turned on the lathe and coloured with lacquer.","hi":"चित्रकूट के कारीगर लकड़ी के खिलौने बनाते हैं, जो खराद पर गढ़े और लाख के रंगों से रंगे जाते हैं।"}' WHERE `id` = 62 AND `name` = 'Chitrakoot Wooden Craft and Toys' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Moonj is a wild grass that grows along rivers. Women dry it, dye it and coil it into baskets, boxes and mats.","hi":"मूँज नदियों के किनारे उगने वाली जंगली घास है। महिलाएँ इसे सुखाकर, रँगकर और लपेटकर टोकरियाँ, डिब्बे और चटाइयाँ बनाती हैं।"}' WHERE `id` = 63 AND `name` = 'Moonj Craft' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Rampur''s patchwork sews cut pieces of cloth onto a base cloth to form patterns, for quilts, bedcovers and cushion covers.","hi":"रामपुर के पैचवर्क में कपड़े के कटे टुकड़ों को आधार कपड़े पर सिलकर नमूने बनाए जाते हैं, रज़ाइयों, चादरों और कुशन कवरों के लिए।"}' WHERE `id` = 64 AND `name` = 'Rampur Patchwork' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"A milk sweet of Varanasi in the three colours of India''s flag.","hi":"वाराणसी की दूध की बर्फ़ी, भारत के झंडे के तीन रंगों में।"}' WHERE `id` = 65 AND `name` = 'Banaras Tirangi Barfi' AND `story` = '{}';
--> statement-breakpoint
UPDATE `gi_tags` SET `story` = '{"en":"Zardozi is embroidery with metallic threads, sequins and beads, worked by hand on cloth stretched over a wooden frame (adda).","hi":"ज़रदोज़ी धातु के धागों, सितारों और मोतियों से की जाने वाली कढ़ाई है, जो लकड़ी के फ़्रेम (अड्डे) पर तने कपड़े पर हाथ से की जाती है।"}' WHERE `id` = 69 AND `name` = 'Bareilly Zardozi Craft' AND `story` = '{}';
